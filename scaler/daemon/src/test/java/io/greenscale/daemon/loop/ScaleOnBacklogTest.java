package io.greenscale.daemon.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenscale.daemon.kube.ApiCalls;
import io.greenscale.daemon.standin.Request;
import io.greenscale.daemon.standin.StandInApiServer;
import io.greenscale.daemon.testing.DaemonHarness;
import io.greenscale.daemon.testing.RedisQueue;
import io.greenscale.localservers.LocalRedis;
import io.greenscale.localservers.RequiresPrograms;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole chain on real Redis and the stand-in API server, with GreenScale's own policy. */
@RequiresPrograms({"redis-server"})
class ScaleOnBacklogTest {
    static LocalRedis redis;

    @BeforeAll
    static void startRedis() {
        redis = LocalRedis.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    static String yaml(int redisPort) {
        return """
                server: {enabled: false}
                kubernetes: {requestTimeout: 2s}
                redis: {url: "redis://127.0.0.1:%d", timeout: 500ms}
                targets:
                  - namespace: shop
                    scaleTargetRef: {kind: Deployment, name: worker}
                    queue: {name: jobs}
                    policy:
                      minReplicas: 1
                      maxReplicas: 8
                      queue: {drainTarget: 10s, perReplicaRate: 1}
                      forecast: {enabled: false}
                """.formatted(redisPort);
    }

    @Test
    void backlog_jump_scales_up_with_an_event_a_log_line_and_metrics() {
        redis.flushAll();
        try (StandInApiServer api = StandInApiServer.start()) {
            api.resources().deployment("shop", "worker", 1);
            api.resources().reconcile("shop", "worker", 500L);
            RedisQueue queue = new RedisQueue(redis, "jobs");
            try (DaemonHarness daemon = DaemonHarness.start(yaml(redis.port()), api)) {
                List<JsonNode> first = daemon.tick();
                assertThat(first).hasSize(1);
                assertThat(first.getFirst().get("desired").asInt()).isEqualTo(1);

                queue.push(40);
                List<JsonNode> second = daemon.tickAfter(Duration.ofSeconds(5));
                JsonNode line = second.getFirst();
                assertThat(line.get("target").asText()).isEqualTo("shop/deployment/worker");
                assertThat(line.get("desired").asInt()).isGreaterThan(1).isLessThanOrEqualTo(8);
                assertThat(line.get("applied").asBoolean()).isTrue();
                assertThat(api.resources().replicas("shop", "worker")).isEqualTo(line.get("desired").asInt());
                assertThat(api.resources().events("shop")).anySatisfy(e -> {
                    assertThat(e.getReason()).isEqualTo("SuccessfulRescale");
                    assertThat(e.getInvolvedObject().getName()).isEqualTo("worker");
                });
                assertThat(daemon.metric("greenscale_scaler_desired_replicas{target=\"shop/deployment/worker\"}"))
                        .isEqualTo(line.get("desired").asDouble());
                assertThat(daemon.metric("greenscale_scaler_signal_value{signal=\"queue\",target=\"shop/deployment/worker\"}")).isEqualTo(40);
                assertThat(api.requests()).extracting(Request::call).isSubsetOf(ApiCalls.builtIn());
            }
        }
    }

    @Test
    void shadow_mode_logs_the_hpa_choice_next_to_its_own_and_writes_nothing() {
        redis.flushAll();
        try (StandInApiServer api = StandInApiServer.start()) {
            api.resources().deployment("shop", "worker", 2);
            api.resources().reconcile("shop", "worker", 500L);
            api.resources().hpa("shop", "worker-hpa", "worker", 3);
            try (DaemonHarness daemon = DaemonHarness.start(yaml(redis.port()).replace("queue: {name: jobs}", "queue: {name: jobs}\n    mode: shadow"), api)) {
                daemon.tick();
                new RedisQueue(redis, "jobs").push(40);
                JsonNode line = daemon.tickAfter(Duration.ofSeconds(5)).getFirst();
                assertThat(line.get("mode").asText()).isEqualTo("shadow");
                assertThat(line.get("observed_replicas").asInt()).isEqualTo(3);
                assertThat(line.get("desired").asInt()).isGreaterThan(2);
                assertThat(line.get("applied").asBoolean()).isFalse();
                assertThat(api.resources().replicas("shop", "worker")).isEqualTo(2);
                assertThat(api.requests()).extracting(Request::method).doesNotContain("PUT", "PATCH");
                assertThat(daemon.metric("greenscale_scaler_observed_hpa_replicas{target=\"shop/deployment/worker\"}")).isEqualTo(3);
            }
        }
    }

    @Test
    void a_scale_down_removes_the_idle_pods_and_keeps_the_busy_one() {
        redis.flushAll();
        try (StandInApiServer api = StandInApiServer.start()) {
            api.resources().deployment("shop", "worker", 4);
            api.resources().reconcile("shop", "worker", 500L);
            RedisQueue queue = new RedisQueue(redis, "jobs");
            queue.push(1);
            queue.take("worker-1", 1);
            String yaml = yaml(redis.port()).replace("forecast: {enabled: false}",
                    "forecast: {enabled: false}\n      scaleDown: {stabilizationWindow: 0s, cooldown: 0s, policies: [{type: percent, value: 100, period: 1s}]}");
            try (DaemonHarness daemon = DaemonHarness.start(yaml, api)) {
                daemon.tick();
                JsonNode line = daemon.tickAfter(Duration.ofSeconds(5)).getFirst();
                assertThat(line.get("desired").asInt()).isEqualTo(1);
                assertThat(line.get("applied").asBoolean()).isTrue();
                assertThat(api.resources().podAnnotations("shop", "worker-1")).containsEntry("controller.kubernetes.io/pod-deletion-cost", "1");
                api.resources().reconcile("shop", "worker", 500L);
                assertThat(api.resources().pods("shop", "worker")).containsExactly("worker-1");
            }
        }
    }
}
