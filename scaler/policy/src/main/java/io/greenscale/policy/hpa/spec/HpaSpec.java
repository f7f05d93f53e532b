package io.greenscale.policy.hpa.spec;

import java.util.List;

/**
 * The parts of an {@code autoscaling/v2 HorizontalPodAutoscalerSpec} the controller's decision
 * reads.
 *
 * @param minReplicas null means 1 ({@code defaults.go: SetDefaults_HorizontalPodAutoscaler},
 *                    {@code horizontal.go: reconcileAutoscaler}); 0 needs an Object or External metric
 * @param behavior    null selects the legacy normalisation (no events, scale-up factor cap)
 */
public record HpaSpec(Integer minReplicas, int maxReplicas, List<MetricSpec> metrics, Behavior behavior) {

    public HpaSpec {
        if (maxReplicas < 1) {
            throw new IllegalArgumentException("maxReplicas must be >= 1, got " + maxReplicas);
        }
        if (minReplicas != null && (minReplicas < 0 || minReplicas > maxReplicas)) {
            throw new IllegalArgumentException("minReplicas must be in [0, maxReplicas=" + maxReplicas + "], got " + minReplicas);
        }
        metrics = List.copyOf(metrics);
        if (metrics.isEmpty()) {
            // The API defaults an empty list to cpu at 80 % (defaults.go); the controller never sees none.
            throw new IllegalArgumentException("an HPA needs at least one metric");
        }
    }

    public int effectiveMinReplicas() {
        return minReplicas == null ? 1 : minReplicas;
    }

    public boolean hasObjectOrExternalMetric() {
        return metrics.stream().anyMatch(MetricSpec::isObjectOrExternal);
    }
}
