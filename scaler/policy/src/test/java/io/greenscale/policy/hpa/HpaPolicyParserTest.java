package io.greenscale.policy.hpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenscale.policy.Policies;
import io.greenscale.policy.Policy;
import io.greenscale.policy.config.ConfigException;
import io.greenscale.policy.hpa.spec.MetricSpec;
import io.greenscale.policy.hpa.spec.MetricTarget;
import io.greenscale.policy.hpa.spec.ScalingPolicy;
import io.greenscale.policy.hpa.spec.SelectPolicy;
import io.greenscale.policy.hpa.spec.UpstreamRevision;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HpaPolicyParserTest {

    private static Map<String, Object> cpu(int target) {
        return Map.of("type", "Resource", "resource", Map.of("name", "cpu", "target", Map.of("type", "Utilization", "averageUtilization", target)));
    }

    @Test
    void readsASectionWrittenLikeTheRealObject() {
        Policy p = Policies.fromMap(Map.of(
                "type", "hpa", "name", "hpa-mixed", "minReplicas", 2, "maxReplicas", 12,
                "metrics", List.of(cpu(70),
                        Map.of("type", "Pods", "pods", Map.of("metric", Map.of("name", "DCGM_FI_DEV_GPU_UTIL"),
                                "target", Map.of("type", "AverageValue", "averageValue", "80"))),
                        Map.of("type", "External", "external", Map.of("metric", Map.of("name", "queue"),
                                "target", Map.of("type", "AverageValue", "averageValue", "500m")))),
                "behavior", Map.of("scaleDown", Map.of("stabilizationWindowSeconds", 60, "selectPolicy", "Min",
                        "policies", List.of(Map.of("type", "Pods", "value", 2, "periodSeconds", 30)))),
                "controller", Map.of("preset", "upstream-test", "syncPeriod", "30s", "kubernetesVersion", "1.30")), "policy");

        HpaPolicy hpa = (HpaPolicy) p;
        assertThat(hpa.name()).isEqualTo("hpa-mixed");
        assertThat(hpa.syncPeriod()).isEqualTo(Duration.ofSeconds(30));
        assertThat(hpa.spec().metrics()).containsExactly(
                new MetricSpec.ResourceMetric("cpu", new MetricTarget.Utilization(70)),
                new MetricSpec.PodsMetric("DCGM_FI_DEV_GPU_UTIL", new MetricTarget.AverageValue(80_000)),
                new MetricSpec.ExternalMetric("queue", new MetricTarget.AverageValue(500)));
        assertThat(hpa.spec().behavior().scaleDown().selectPolicy()).isEqualTo(SelectPolicy.MIN);
        assertThat(hpa.spec().behavior().scaleDown().policies()).containsExactly(ScalingPolicy.pods(2, 30));
        assertThat(hpa.config().scaleUpLimitFactor()).isEqualTo(8.0);
        assertThat(hpa.config().revision()).isEqualTo(UpstreamRevision.forRelease(1, 30));
        assertThat(hpa.config().revision().toleranceInterval()).isFalse();
    }

    @Test
    void withoutMetricsTheApiDefaultOfCpuAt80PercentApplies() {
        HpaPolicy hpa = (HpaPolicy) Policies.fromMap(Map.of("type", "hpa", "maxReplicas", 5), "policy");

        assertThat(hpa.spec().metrics()).containsExactly(new MetricSpec.ResourceMetric("cpu", new MetricTarget.Utilization(80)));
        assertThat(hpa.spec().behavior()).isNull();
        assertThat(hpa.spec().effectiveMinReplicas()).isEqualTo(1);
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of("maxReplicas missing", Map.of("type", "hpa"), "policy.maxReplicas: is required"),
                Arguments.of("min above max", Map.of("type", "hpa", "minReplicas", 5, "maxReplicas", 3), "policy.minReplicas = 5: must be <= maxReplicas (3)"),
                Arguments.of("zero utilisation target", Map.of("type", "hpa", "maxReplicas", 3, "metrics", List.of(cpu(0))),
                        "policy.metrics[0].resource.target.averageUtilization = 0: must be in [1, ∞)"),
                Arguments.of("unknown metric type", Map.of("type", "hpa", "maxReplicas", 3, "metrics", List.of(Map.of("type", "Cheddar"))),
                        "policy.metrics[0].type = \"Cheddar\": must be one of Resource, Pods, Object, External"),
                Arguments.of("Value target on a Resource metric", Map.of("type", "hpa", "maxReplicas", 3, "metrics", List.of(Map.of("type", "Resource",
                        "resource", Map.of("name", "cpu", "target", Map.of("type", "Value", "value", 1))))),
                        "policy.metrics[0].resource.target.type = \"Value\": must be one of AverageValue, Utilization"),
                Arguments.of("bad quantity", Map.of("type", "hpa", "maxReplicas", 3, "metrics", List.of(Map.of("type", "External",
                        "external", Map.of("metric", Map.of("name", "q"), "target", Map.of("type", "AverageValue", "averageValue", "lots"))))),
                        "policy.metrics[0].external.target.averageValue = \"lots\": must be a quantity > 0"),
                Arguments.of("policy period too long", Map.of("type", "hpa", "maxReplicas", 3, "behavior", Map.of("scaleUp",
                        Map.of("policies", List.of(Map.of("type", "Pods", "value", 1, "periodSeconds", 3600))))),
                        "policy.behavior.scaleUp.policies[0].periodSeconds = 3600: must be in [1, 1800]"),
                Arguments.of("stabilisation window too long", Map.of("type", "hpa", "maxReplicas", 3, "behavior", Map.of("scaleDown",
                        Map.of("stabilizationWindowSeconds", 7200))), "policy.behavior.scaleDown.stabilizationWindowSeconds = 7200: must be in [0, 3600]"),
                Arguments.of("select policy misspelt", Map.of("type", "hpa", "maxReplicas", 3, "behavior", Map.of("scaleUp", Map.of("selectPolicy", "Maximum"))),
                        "policy.behavior.scaleUp.selectPolicy = \"Maximum\": must be one of Max, Min, Disabled"),
                Arguments.of("scale to zero without the gate", Map.of("type", "hpa", "minReplicas", 0, "maxReplicas", 3),
                        "policy.minReplicas = 0: must be >= 1 unless controller.hpaScaleToZero is true"),
                Arguments.of("scale to zero on CPU only", Map.of("type", "hpa", "minReplicas", 0, "maxReplicas", 3, "controller", Map.of("hpaScaleToZero", true)),
                        "policy.minReplicas = 0: needs at least one Object or External metric"),
                Arguments.of("tolerance out of range", Map.of("type", "hpa", "maxReplicas", 3, "controller", Map.of("tolerance", -0.1)),
                        "policy.controller.tolerance = -0.1: must be in [0, 10]"),
                Arguments.of("unknown release", Map.of("type", "hpa", "maxReplicas", 3, "controller", Map.of("kubernetesVersion", "next")),
                        "policy.controller.kubernetesVersion = \"next\": must be a Kubernetes release such as 1.30, or latest"),
                Arguments.of("typo in a key", Map.of("type", "hpa", "maxReplica", 3), "policy.maxReplica: unknown key (did you mean maxReplicas?)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void reportsKeyValueAndAllowedRange(String name, Map<String, Object> section, String message) {
        assertThatThrownBy(() -> Policies.fromMap(section, "policy"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).anySatisfy(p -> assertThat(p).startsWith(message)));
    }
}
