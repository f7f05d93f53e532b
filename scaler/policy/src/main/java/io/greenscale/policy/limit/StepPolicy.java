package io.greenscale.policy.limit;

import java.time.Duration;
import java.util.Objects;

/**
 * One rate-limit policy, as in the HPA's behavior: at most {@code value} pods, or {@code value}
 * percent of the replica count at the start of the period, added (or removed) per {@code period}.
 */
public record StepPolicy(Kind kind, double value, Duration period) {

    public enum Kind { PODS, PERCENT }

    public StepPolicy {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(period, "period");
        if (!(value > 0)) {
            throw new IllegalArgumentException("step policy value must be > 0, got " + value);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("step policy period must be > 0, got " + period);
        }
    }

    public static StepPolicy pods(int pods, Duration period) {
        return new StepPolicy(Kind.PODS, pods, period);
    }

    public static StepPolicy percent(double percent, Duration period) {
        return new StepPolicy(Kind.PERCENT, percent, period);
    }

    /** The highest count allowed when scaling up from {@code periodStart}. */
    int upLimit(int periodStart) {
        return switch (kind) {
            case PODS -> saturatedAdd(periodStart, (long) value);
            case PERCENT -> (int) Math.min(Integer.MAX_VALUE, Math.ceil(periodStart * (1 + value / 100.0)));
        };
    }

    /** The lowest count allowed when scaling down from {@code periodStart} (may be negative; callers clamp). */
    int downLimit(int periodStart) {
        return switch (kind) {
            case PODS -> (int) Math.max(Integer.MIN_VALUE, periodStart - (long) value);
            case PERCENT -> (int) (periodStart * (1 - value / 100.0));
        };
    }

    private static int saturatedAdd(int a, long b) {
        return (int) Math.min(Integer.MAX_VALUE, a + b);
    }

    @Override
    public String toString() {
        return (kind == Kind.PODS ? (long) value + " pods" : value + "%") + " per " + period.toSeconds() + "s";
    }
}
