package io.greenscale.policy.keda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenscale.policy.Policies;
import io.greenscale.policy.config.ConfigException;
import io.greenscale.policy.hpa.spec.ScalingPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KedaPolicyParserTest {
    private static final Map<String, Object> REDIS = Map.of("type", "redis",
            "metadata", Map.of("address", "redis:6379", "listName", "jobs", "listLength", "10", "activationListLength", "2"));

    @Test
    void readsAScaledObjectSpec() {
        KedaPolicy keda = (KedaPolicy) Policies.fromMap(Map.of("type", "keda", "pollingInterval", 15, "cooldownPeriod", "2m",
                "minReplicaCount", 1, "maxReplicaCount", 30, "fallback", Map.of("failureThreshold", 3, "replicas", 6),
                "advanced", Map.of("horizontalPodAutoscalerConfig", Map.of("behavior", Map.of("scaleDown",
                        Map.of("policies", List.of(Map.of("type", "Percent", "value", 50, "periodSeconds", 60)))))),
                "triggers", List.of(REDIS)), "policy");

        KedaSpec spec = keda.spec();
        assertThat(spec.pollingInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(spec.cooldownPeriod()).isEqualTo(Duration.ofMinutes(2));
        assertThat(spec.fallback()).isEqualTo(new KedaSpec.Fallback(3, 6));
        assertThat(spec.triggers()).containsExactly(new KedaTrigger("redis", "s0-redis-jobs", "jobs", 10_000, 2, true));
        assertThat(keda.hpaSpec().minReplicas()).isEqualTo(1);
        assertThat(keda.hpaSpec().maxReplicas()).isEqualTo(30);
        assertThat(keda.hpaSpec().behavior().scaleDown().policies()).containsExactly(ScalingPolicy.percent(50, 60));
    }

    @Test
    void appliesKedasDefaults() {
        KedaPolicy keda = (KedaPolicy) Policies.fromMap(Map.of("type", "keda",
                "triggers", List.of(Map.of("type", "redis", "metadata", Map.of("listName", "jobs")))), "policy");

        assertThat(keda.spec().pollingInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(keda.spec().cooldownPeriod()).isEqualTo(Duration.ofSeconds(300));
        assertThat(keda.spec().minReplicaCount()).isZero();
        assertThat(keda.spec().maxReplicaCount()).isEqualTo(100);
        assertThat(keda.spec().triggers().getFirst().targetMilli()).as("listLength defaults to 5").isEqualTo(5000);
        assertThat(keda.hpaSpec().minReplicas()).as("the HPA never goes below 1").isEqualTo(1);
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of("no triggers", Map.of("type", "keda"), "policy.triggers: must list at least one trigger"),
                Arguments.of("unsupported scaler", Map.of("type", "keda", "triggers", List.of(Map.of("type", "kafka", "metadata", Map.of()))),
                        "policy.triggers[0].type = \"kafka\": must be redis or prometheus"),
                Arguments.of("list name missing", Map.of("type", "keda", "triggers", List.of(Map.of("type", "redis", "metadata", Map.of()))),
                        "policy.triggers[0].metadata.listName: is required"),
                Arguments.of("zero list length", Map.of("type", "keda", "triggers", List.of(Map.of("type", "redis",
                        "metadata", Map.of("listName", "q", "listLength", "0")))), "policy.triggers[0].metadata.listLength = \"0\": must be in [1, ∞)"),
                Arguments.of("fallback without replicas", Map.of("type", "keda", "fallback", Map.of("failureThreshold", 3), "triggers", List.of(REDIS)),
                        "policy.fallback.replicas: is required when fallback is given"),
                Arguments.of("min above max", Map.of("type", "keda", "minReplicaCount", 5, "maxReplicaCount", 2, "triggers", List.of(REDIS)),
                        "policy.minReplicaCount = 5: must be <= maxReplicaCount (2)"),
                Arguments.of("polling interval zero", Map.of("type", "keda", "pollingInterval", 0, "triggers", List.of(REDIS)),
                        "policy.pollingInterval = 0: must be in [1s, 1h]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void reportsKeyValueAndAllowedRange(String name, Map<String, Object> section, String message) {
        assertThatThrownBy(() -> Policies.fromMap(section, "policy"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).anySatisfy(p -> assertThat(p).startsWith(message)));
    }
}
