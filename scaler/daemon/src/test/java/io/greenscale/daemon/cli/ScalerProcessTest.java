package io.greenscale.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenscale.daemon.standin.Fault;
import io.greenscale.daemon.standin.Request;
import io.greenscale.daemon.standin.StandInApiServer;
import io.greenscale.daemon.testing.DaemonHarness;
import io.greenscale.daemon.testing.DaemonProcess;
import io.greenscale.daemon.testing.MutableClock;
import io.greenscale.localservers.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon as its own process: SIGTERM in the middle of a write, and a leader that dies without a word. */
class ScalerProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One Deployment at 1 replica whose pod burns 180% of its CPU request: the policy scales it up. */
    static StandInApiServer busyCluster() {
        StandInApiServer api = StandInApiServer.start();
        api.resources().deployment("shop", "web", 1);
        api.resources().reconcile("shop", "web", 500L);
        api.resources().usage("shop", "web-0", 900);
        return api;
    }

    static String config(Path kubeconfig, boolean leaderElection) {
        return """
                server: {port: 0}
                kubernetes: {kubeconfig: "%s", requestTimeout: 5s}
                prometheus: {url: "http://127.0.0.1:%d", timeout: 200ms}
                leaderElection: {enabled: %s, namespace: shop, leaseName: scaler, leaseDuration: 3s, renewDeadline: 2s, retryPeriod: 1s}
                targets:
                  - namespace: shop
                    scaleTargetRef: {name: web}
                    policy: {maxReplicas: 6, queue: {enabled: false}, cpu: {target: 0.5}}
                """.formatted(kubeconfig, FreePorts.next(), leaderElection);
    }

    @Test
    void sigterm_during_a_write_lets_it_finish_then_exits(@TempDir Path dir) throws Exception {
        try (StandInApiServer api = busyCluster()) {
            api.fault(Fault.delay("PUT", ".*/deployments/web/scale", Duration.ofSeconds(2)));
            try (DaemonProcess daemon = DaemonProcess.start(dir, config(api.writeKubeconfig(dir), false),
                    Map.of("POD_NAME", "scaler-0", "POD_NAMESPACE", "shop"))) {
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> api.requests().stream().anyMatch(r -> r.method().equals("PUT")));
                Instant signalled = Instant.now();
                daemon.sigterm();

                assertThat(daemon.waitFor(Duration.ofSeconds(20))).as(daemon.stderr()).isEqualTo(143);
                // The write that was under way when SIGTERM came was answered and applied, not abandoned.
                assertThat(api.resources().replicas("shop", "web")).isGreaterThan(1);
                List<JsonNode> lines = daemon.stdout().lines().map(ScalerProcessTest::json).toList();
                assertThat(lines).singleElement().satisfies(l -> {
                    assertThat(l.get("applied").asBoolean()).isTrue();
                    assertThat(l.get("desired").asInt()).isEqualTo(api.resources().replicas("shop", "web"));
                });
                assertThat(daemon.stderr()).contains("shutting down: finishing the tick in progress").contains("stopped");
                // No new tick began after the signal.
                assertThat(api.requests()).filteredOn(r -> r.at().isAfter(signalled)).extracting(Request::method).doesNotContain("GET");
            }
        }
    }

    @Test
    void when_the_leader_dies_without_releasing_the_lease_the_follower_takes_over(@TempDir Path dir) throws Exception {
        try (StandInApiServer api = busyCluster()) {
            try (DaemonProcess leader = DaemonProcess.start(dir, config(api.writeKubeconfig(dir), true),
                    Map.of("POD_NAME", "scaler-a", "POD_NAMESPACE", "shop"))) {
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "scaler-a".equals(api.resources().leaseHolder("shop", "scaler")));
                var config = DaemonHarness.config(config(api.writeKubeconfig(dir), true).replace("server: {port: 0}", "server: {enabled: false}"),
                        Map.of("POD_NAME", "scaler-b", "POD_NAMESPACE", "shop"));
                try (DaemonHarness follower = DaemonHarness.start(config, api, MutableClock.atNow())) {
                    List<JsonNode> asFollower = follower.tick();
                    assertThat(asFollower).singleElement().satisfies(l -> {
                        assertThat(l.get("mode").asText()).isEqualTo("dry-run");
                        assertThat(l.get("applied").asBoolean()).isFalse();
                    });

                    leader.kill();
                    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> follower.daemon().leadership().isLeader());
                    assertThat(api.resources().leaseHolder("shop", "scaler")).isEqualTo("scaler-b");
                    api.resources().setReplicas("shop", "web", 1);
                    List<JsonNode> asLeader = follower.tickAfter(Duration.ofSeconds(5));
                    assertThat(asLeader).singleElement().satisfies(l -> {
                        assertThat(l.get("mode").asText()).isEqualTo("active");
                        assertThat(l.get("applied").asBoolean()).isTrue();
                    });
                }
            }
        }
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON line on stdout: " + line, e);
        }
    }
}
