package io.greenscale.policy.hpa.calc;

/**
 * The dead band around a usage ratio of 1.0 inside which a metric proposes no change
 * ({@code replica_calculator.go: Tolerances.isWithin}; per-direction since KEP-4951).
 *
 * @param interval true: {@code 1−down ≤ r ≤ 1+up}, both bounds inclusive (v1.33+); false: the older
 *                 {@code |1−r| ≤ tolerance}, which puts a ratio of exactly 1.1 outside a 0.1 tolerance
 *                 because {@code |1−1.1|} is 0.10000000000000009 in double
 */
public record Tolerances(double scaleDown, double scaleUp, boolean interval) {

    public Tolerances {
        if (!(scaleDown >= 0) || !(scaleUp >= 0)) {
            throw new IllegalArgumentException("tolerances must be >= 0, got down=" + scaleDown + " up=" + scaleUp);
        }
    }

    public static Tolerances of(double both) {
        return new Tolerances(both, both, true);
    }

    /** False for NaN and infinite ratios (status replicas 0), as in Go. */
    public boolean isWithin(double usageRatio) {
        if (interval) {
            return (1.0 - scaleDown) <= usageRatio && usageRatio <= (1.0 + scaleUp);
        }
        return Math.abs(1.0 - usageRatio) <= (usageRatio < 1.0 ? scaleDown : scaleUp);
    }
}
