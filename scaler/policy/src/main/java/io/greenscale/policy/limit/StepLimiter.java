package io.greenscale.policy.limit;

import java.time.Instant;
import java.util.List;

/**
 * Per-period step limits, as in the HPA's behavior: the replica count at the start of each
 * policy's period is reconstructed from the scale events inside it ({@code current − added +
 * removed}), each policy allows a step from there, and the select policy combines them.
 */
public final class StepLimiter {
    private StepLimiter() {}

    /** The highest count allowed now when scaling up (never below {@code current}). */
    public static int upLimit(int current, List<StepPolicy> policies, SelectPolicy select, TimedValues events, Instant now) {
        if (select == SelectPolicy.DISABLED) {
            return current;
        }
        int limit = select == SelectPolicy.MAX ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        for (StepPolicy p : policies) {
            int proposal = p.upLimit(periodStart(current, p, events, now));
            limit = select == SelectPolicy.MAX ? Math.max(limit, proposal) : Math.min(limit, proposal);
        }
        return Math.max(limit, current);
    }

    /** The lowest count allowed now when scaling down (never above {@code current}). */
    public static int downLimit(int current, List<StepPolicy> policies, SelectPolicy select, TimedValues events, Instant now) {
        if (select == SelectPolicy.DISABLED) {
            return current;
        }
        int limit = select == SelectPolicy.MAX ? Integer.MAX_VALUE : Integer.MIN_VALUE;
        for (StepPolicy p : policies) {
            int proposal = p.downLimit(periodStart(current, p, events, now));
            limit = select == SelectPolicy.MAX ? Math.min(limit, proposal) : Math.max(limit, proposal);
        }
        return Math.min(limit, current);
    }

    /** Events are signed replica changes; both directions count, as upstream does since 2022. */
    private static int periodStart(int current, StepPolicy p, TimedValues events, Instant now) {
        long start = current;
        for (int i = 0; i < events.size(); i++) {
            if (events.inside(i, now, p.period())) {
                start -= events.value(i);
            }
        }
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, start));
    }
}
