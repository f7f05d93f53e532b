package io.greenscale.policy;

/**
 * Why a decision's desired replica count is what it is. Stable: these names appear in decision
 * logs, Kubernetes Events, metric labels and reports. Unclamped outcomes are {@link #SCALE_UP},
 * {@link #SCALE_DOWN} and {@link #STEADY}; every other reason names the rule that set the result.
 */
public enum Reason {
    /** The recommendation is above the current count and no rule held it back. */
    SCALE_UP,
    /** The recommendation is below the current count and no rule held it back. */
    SCALE_DOWN,
    /** The recommendation equals the current count. */
    STEADY,
    /** The recommendation differs from the current count by less than the tolerance (deadband). */
    WITHIN_TOLERANCE,
    /** A recent higher (or, scaling up, lower) recommendation inside the stabilisation window held the count. */
    STABILIZED,
    /** A cooldown since the last scale event held the count. */
    COOLDOWN,
    /** A per-period step limit (pods or percent) capped the change. */
    STEP_LIMIT,
    /** The cap on consecutive steps in one direction held the count until things settle. */
    CONSECUTIVE_STEP_CAP,
    /** Backlog or latency crossed the burst threshold, so scale-up limits and cooldowns were bypassed. */
    BURST,
    /** Raised to the minimum replica count. */
    MIN_REPLICAS,
    /** Lowered to the maximum replica count. */
    MAX_REPLICAS,
    /** Scaled to zero after the idle period. */
    SCALE_TO_ZERO,
    /** Activated from zero because work appeared. */
    ACTIVATION,
    /** Held up so that no replica with work in flight is removed. */
    BUSY_FLOOR,
    /** A configured signal is missing or stale, so the count may hold or rise but not fall. */
    STALE_HOLD,
    /** No signal is available at all: hold. */
    NO_SIGNALS,
    /** The metric source failed repeatedly and the configured fallback replica count applies (KEDA fallback). */
    FALLBACK,
    /** The target is paused (annotation), nothing is written. */
    PAUSED,
    /** Another autoscaler (an HPA) owns the target, nothing is written. */
    CONFLICT
}
