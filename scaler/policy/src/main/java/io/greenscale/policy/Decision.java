package io.greenscale.policy;

import java.util.Objects;

/**
 * The outcome of one tick for one target: the desired replica count, why, the full explanation,
 * and the policy's state for the next tick.
 */
public record Decision(int current, int desired, Reason reason, Explanation why, PolicyState next) {

    public Decision {
        if (current < 0 || desired < 0) {
            throw new IllegalArgumentException("replica counts must be >= 0, got current=" + current + " desired=" + desired);
        }
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(next, "next");
    }

    /** True when applying this decision changes the target. */
    public boolean changes() {
        return desired != current;
    }

    /** +1 scale up, -1 scale down, 0 no change. */
    public int direction() {
        return Integer.signum(desired - current);
    }
}
