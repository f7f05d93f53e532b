package io.greenscale.policy.hpa.calc;

/**
 * Why a calculator returned the replica count it did: computed from the ratio, or held at the
 * current count by the tolerance or by one of the rebalancing direction guards.
 */
public enum Outcome {
    /** {@code ceil(ratio × pods)} or the equivalent for the metric type. */
    COMPUTED,
    /** The usage ratio (or the rebalanced ratio) was within tolerance: current replicas returned. */
    WITHIN_TOLERANCE,
    /** Rebalancing for missing or unready pods flipped the direction: current replicas returned. */
    DIRECTION_GUARD
}
