package io.greenscale.daemon.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenscale.daemon.kube.ApiCalls;
import io.greenscale.daemon.standin.Request;
import io.greenscale.daemon.standin.StandInApiServer;
import io.greenscale.daemon.testing.DaemonHarness;
import io.greenscale.daemon.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Two daemons on one Lease: one writes, the other decides in dry-run, and takes over when the first shuts down. */
class LeaderHandOverTest {

    static final String YAML = """
            server: {enabled: false}
            leaderElection: {enabled: true, namespace: shop, leaseName: scaler, leaseDuration: 3s, renewDeadline: 2s, retryPeriod: 1s}
            targets:
              - namespace: shop
                scaleTargetRef: {name: web}
                signals: {inFlight: {query: vector(0)}}
                policy: {maxReplicas: 6, queue: {enabled: false}, cpu: {target: 0.5}}
            """;

    @Test
    void only_the_leader_writes_and_a_graceful_leader_hands_over_at_once() {
        try (StandInApiServer api = StandInApiServer.start()) {
            api.resources().deployment("shop", "web", 1);
            api.resources().reconcile("shop", "web", 500L);
            api.resources().usage("shop", "web-0", 900);
            MutableClock clock = MutableClock.atNow();
            DaemonHarness a = DaemonHarness.start(DaemonHarness.config(YAML, Map.of("POD_NAME", "scaler-a", "POD_NAMESPACE", "shop")), api, clock);
            DaemonHarness b = DaemonHarness.start(DaemonHarness.config(YAML, Map.of("POD_NAME", "scaler-b", "POD_NAMESPACE", "shop")), api, clock);
            try {
                Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> a.daemon().leadership().isLeader() || b.daemon().leadership().isLeader());
                DaemonHarness leader = a.daemon().leadership().isLeader() ? a : b;
                DaemonHarness follower = leader == a ? b : a;
                assertThat(follower.daemon().leadership().isLeader()).isFalse();

                List<JsonNode> fromFollower = follower.tick();
                List<JsonNode> fromLeader = leader.tick();
                assertThat(fromFollower).singleElement().satisfies(l -> {
                    assertThat(l.get("mode").asText()).isEqualTo("dry-run");
                    assertThat(l.get("applied").asBoolean()).isFalse();
                });
                assertThat(fromLeader).singleElement().satisfies(l -> assertThat(l.get("applied").asBoolean()).isTrue());
                assertThat(follower.metric("greenscale_scaler_leader")).isZero();
                assertThat(leader.metric("greenscale_scaler_leader")).isEqualTo(1);

                String leaderName = leader == a ? "scaler-a" : "scaler-b";
                String followerName = leader == a ? "scaler-b" : "scaler-a";
                leader.close();
                // The leader released the Lease on its way out, so the follower need not wait for it to expire.
                assertThat(api.resources().leaseHolder("shop", "scaler")).isNotEqualTo(leaderName);
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> follower.daemon().leadership().isLeader());
                assertThat(api.resources().leaseHolder("shop", "scaler")).isEqualTo(followerName);
                api.resources().setReplicas("shop", "web", 1);
                assertThat(follower.tickAfter(Duration.ofSeconds(5))).singleElement().satisfies(l -> {
                    assertThat(l.get("mode").asText()).isEqualTo("active");
                    assertThat(l.get("applied").asBoolean()).isTrue();
                });
                assertThat(api.requests()).extracting(Request::call).isSubsetOf(ApiCalls.builtIn());
            } finally {
                a.close();
                b.close();
            }
        }
    }
}
