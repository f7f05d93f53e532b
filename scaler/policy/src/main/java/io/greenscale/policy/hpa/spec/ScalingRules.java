package io.greenscale.policy.hpa.spec;

import java.util.List;

/**
 * One direction of an HPA's {@code spec.behavior} as the user wrote it ({@code autoscaling/v2
 * HPAScalingRules}); a null field means "not set" and takes the API default when resolved
 * ({@link BehaviorDefaults}).
 *
 * @param stabilizationWindowSeconds {@code [0, 3600]}, or null
 * @param policies                   null or empty: the default list; otherwise replaces it entirely
 * @param tolerance                  per-direction tolerance (KEP-4951), or null for the controller's
 */
public record ScalingRules(
        Integer stabilizationWindowSeconds,
        SelectPolicy selectPolicy,
        List<ScalingPolicy> policies,
        Double tolerance) {

    /** Upstream validation: {@code validation.go: MaxStabilizationWindowSeconds}. */
    public static final int MAX_STABILIZATION_WINDOW_SECONDS = 3600;

    public static final ScalingRules UNSET = new ScalingRules(null, null, null, null);

    public ScalingRules {
        if (stabilizationWindowSeconds != null
                && (stabilizationWindowSeconds < 0 || stabilizationWindowSeconds > MAX_STABILIZATION_WINDOW_SECONDS)) {
            throw new IllegalArgumentException("stabilizationWindowSeconds must be in [0, 3600], got " + stabilizationWindowSeconds);
        }
        if (tolerance != null && (tolerance < 0 || tolerance.isNaN())) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
        }
        policies = policies == null ? null : List.copyOf(policies);
    }
}
