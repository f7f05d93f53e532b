package io.greenscale.policy.limit;

/**
 * The tolerance around the current count: a recommendation that differs from it by no more than
 * {@code tolerance × current} is not acted on, so measurement noise does not move replicas.
 * Scaling from or to zero is never inside the deadband.
 */
public final class Deadband {
    private Deadband() {}

    public static int apply(int current, int recommended, double tolerance) {
        if (current == 0 || recommended == 0 || recommended == current) {
            return recommended;
        }
        double change = Math.abs(recommended - current) / (double) current;
        return change <= tolerance ? current : recommended;
    }
}
