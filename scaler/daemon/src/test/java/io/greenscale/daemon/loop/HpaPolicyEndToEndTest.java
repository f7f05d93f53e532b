package io.greenscale.daemon.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenscale.daemon.standin.StandInApiServer;
import io.greenscale.daemon.testing.DaemonHarness;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The daemon runs the HPA emulation (a policy that reads pods) on metrics.k8s.io data, as the HPA would. */
class HpaPolicyEndToEndTest {

    static final String YAML = """
            server: {enabled: false}
            defaults:
              policy: {type: greenscale, maxReplicas: 4}
            targets:
              - namespace: shop
                scaleTargetRef: {name: web}
                policy:
                  type: hpa
                  minReplicas: 1
                  maxReplicas: 10
                  metrics:
                    - type: Resource
                      resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
            """;

    @Test
    void pods_at_180_percent_of_their_cpu_request_scale_as_the_hpa_would() {
        try (StandInApiServer api = StandInApiServer.start()) {
            api.resources().deployment("shop", "web", 2);
            api.resources().reconcile("shop", "web", 500L);
            api.resources().usage("shop", "web-0", 900);
            api.resources().usage("shop", "web-1", 900);
            try (DaemonHarness daemon = DaemonHarness.start(YAML, api)) {
                JsonNode line = daemon.tickAfter(Duration.ofMinutes(10)).getFirst();
                assertThat(line.get("policy").asText()).isEqualTo("hpa");
                // The replica calculator wants ceil(2 × 1.8 / 0.7) = 6; without a behavior section the HPA's
                // legacy scale-up limit, max(2 × current, 4) = 4, holds it to 4.
                assertThat(line.get("why").get("recommended").asInt()).isEqualTo(6);
                assertThat(line.get("desired").asInt()).isEqualTo(4);
                assertThat(line.get("applied").asBoolean()).isTrue();
                assertThat(api.resources().replicas("shop", "web")).isEqualTo(4);
            }
        }
    }
}
