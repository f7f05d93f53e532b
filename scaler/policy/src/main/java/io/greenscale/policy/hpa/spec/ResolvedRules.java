package io.greenscale.policy.hpa.spec;

import java.util.List;
import java.util.Objects;

/**
 * One behavior direction after API defaulting and the controller's fill-in of the scale-down
 * window: what the rate limiter and the stabiliser use.
 */
public record ResolvedRules(int stabilizationWindowSeconds, SelectPolicy selectPolicy, List<ScalingPolicy> policies) {

    public ResolvedRules {
        Objects.requireNonNull(selectPolicy, "selectPolicy");
        policies = List.copyOf(policies);
    }

    /** The longest period of this direction's policies, 0 when none ({@code horizontal.go: getLongestPolicyPeriod}). */
    public int longestPolicyPeriodSeconds() {
        int longest = 0;
        for (ScalingPolicy p : policies) {
            longest = Math.max(longest, p.periodSeconds());
        }
        return longest;
    }
}
