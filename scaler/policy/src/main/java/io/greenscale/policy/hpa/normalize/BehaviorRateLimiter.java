package io.greenscale.policy.hpa.normalize;

import io.greenscale.policy.hpa.spec.ResolvedRules;
import java.time.Instant;
import java.util.List;

/**
 * Applies the behavior rate limits and min/max in the direction of travel to a stabilised
 * recommendation ({@code horizontal.go: convertDesiredReplicasWithBehaviorRate}). A limit past the
 * current count (budget already spent) holds the count rather than reversing it.
 */
public final class BehaviorRateLimiter {
    private BehaviorRateLimiter() {}

    public record Request(int current, int desired, int minReplicas, int maxReplicas,
                          ResolvedRules scaleUp, ResolvedRules scaleDown,
                          List<ScaleEvent> upEvents, List<ScaleEvent> downEvents, boolean periodStartBothDirections) {
        public Request {
            upEvents = List.copyOf(upEvents);
            downEvents = List.copyOf(downEvents);
        }
    }

    public static Limited convert(Request r, Instant now) {
        if (r.desired() > r.current()) {
            int limit = ScalingLimits.scaleUpLimit(r.current(), r.upEvents(), r.downEvents(), r.scaleUp(), r.periodStartBothDirections(), now);
            if (limit < r.current()) {
                limit = r.current();
            }
            int maxAllowed = r.maxReplicas();
            String reason = Limited.TOO_MANY;
            if (maxAllowed > limit) {
                maxAllowed = limit;
                reason = Limited.SCALE_UP_LIMIT;
            }
            if (r.desired() > maxAllowed) {
                return new Limited(maxAllowed, reason);
            }
        } else if (r.desired() < r.current()) {
            int limit = ScalingLimits.scaleDownLimit(r.current(), r.upEvents(), r.downEvents(), r.scaleDown(), r.periodStartBothDirections(), now);
            if (limit > r.current()) {
                limit = r.current();
            }
            int minAllowed = r.minReplicas();
            String reason = Limited.TOO_FEW;
            if (minAllowed < limit) {
                minAllowed = limit;
                reason = Limited.SCALE_DOWN_LIMIT;
            }
            if (r.desired() < minAllowed) {
                return new Limited(minAllowed, reason);
            }
        }
        return new Limited(r.desired(), Limited.WITHIN_RANGE);
    }
}
