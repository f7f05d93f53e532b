package io.greenscale.policy.hpa.normalize;

import io.greenscale.policy.hpa.spec.ResolvedRules;
import io.greenscale.policy.hpa.spec.ScalingPolicy;
import io.greenscale.policy.hpa.spec.SelectPolicy;
import java.time.Instant;
import java.util.List;

/**
 * The replica count a direction's policies allow at {@code now} ({@code horizontal.go:
 * calculateScaleUpLimitWithScalingRules, calculateScaleDownLimitWithBehaviors,
 * getReplicasChangePerPeriod}). Each policy starts from the count at the start of its period —
 * the current count minus what was added plus what was removed within it — and allows
 * {@code value} pods or percent from there.
 *
 * @see io.greenscale.policy.hpa.spec.UpstreamRevision#periodStartCountsBothDirections()
 */
public final class ScalingLimits {
    private ScalingLimits() {}

    public static int scaleUpLimit(int current, List<ScaleEvent> upEvents, List<ScaleEvent> downEvents, ResolvedRules rules,
                                   boolean bothDirections, Instant now) {
        if (rules.selectPolicy() == SelectPolicy.DISABLED) {
            return current;
        }
        boolean min = rules.selectPolicy() == SelectPolicy.MIN;
        int result = min ? Integer.MAX_VALUE : Integer.MIN_VALUE;
        for (ScalingPolicy policy : rules.policies()) {
            int periodStart = periodStart(current, policy, upEvents, downEvents, bothDirections, true, now);
            int proposed = switch (policy.type()) {
                case PODS -> periodStart + policy.value();
                // Rounded up, or a small count could never grow.
                case PERCENT -> (int) Math.ceil((double) periodStart * (1 + (double) policy.value() / 100));
            };
            result = min ? Math.min(result, proposed) : Math.max(result, proposed);
        }
        return result;
    }

    /** Select Max takes the lowest floor (the largest change), Min the highest. */
    public static int scaleDownLimit(int current, List<ScaleEvent> upEvents, List<ScaleEvent> downEvents, ResolvedRules rules,
                                     boolean bothDirections, Instant now) {
        if (rules.selectPolicy() == SelectPolicy.DISABLED) {
            return current;
        }
        boolean min = rules.selectPolicy() == SelectPolicy.MIN;
        int result = min ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        for (ScalingPolicy policy : rules.policies()) {
            int periodStart = periodStart(current, policy, upEvents, downEvents, bothDirections, false, now);
            int proposed = switch (policy.type()) {
                case PODS -> periodStart - policy.value();
                // Truncated toward zero, and may be negative.
                case PERCENT -> (int) ((double) periodStart * (1 - (double) policy.value() / 100));
            };
            result = min ? Math.max(result, proposed) : Math.min(result, proposed);
        }
        return result;
    }

    /** Σ replicaChange of the events strictly after {@code now − periodSeconds}. */
    public static int changeInPeriod(int periodSeconds, List<ScaleEvent> events, Instant now) {
        Instant cutoff = now.minusSeconds(periodSeconds);
        int sum = 0;
        for (ScaleEvent e : events) {
            if (e.timestamp().isAfter(cutoff)) {
                sum += e.replicaChange();
            }
        }
        return sum;
    }

    private static int periodStart(int current, ScalingPolicy policy, List<ScaleEvent> upEvents, List<ScaleEvent> downEvents,
                                   boolean bothDirections, boolean up, Instant now) {
        int added = changeInPeriod(policy.periodSeconds(), upEvents, now);
        int removed = changeInPeriod(policy.periodSeconds(), downEvents, now);
        if (!bothDirections) {
            // Before PR #109058 each direction looked only at its own events.
            return up ? current - added : current + removed;
        }
        return current - added + removed;
    }
}
