package io.greenscale.policy.hpa.normalize;

/**
 * Min/max clamping and the scale-up cap when the HPA has no behavior ({@code horizontal.go:
 * convertDesiredReplicasWithRules, calculateScaleUpLimit}). The cap, {@code max(factor × current,
 * minimum)}, applies per sync, not per period.
 */
public final class LegacyClamp {
    private LegacyClamp() {}

    public static Limited convert(int current, int desired, int minReplicas, int maxReplicas,
                                  double scaleUpLimitFactor, double scaleUpLimitMinimum) {
        int scaleUpLimit = scaleUpLimit(current, scaleUpLimitFactor, scaleUpLimitMinimum);
        int maxAllowed;
        String maxReason;
        if (maxReplicas > scaleUpLimit) {
            maxAllowed = scaleUpLimit;
            maxReason = Limited.SCALE_UP_LIMIT;
        } else {
            maxAllowed = maxReplicas;
            maxReason = Limited.TOO_MANY;
        }
        if (desired < minReplicas) {
            return new Limited(minReplicas, Limited.TOO_FEW);
        }
        if (desired > maxAllowed) {
            return new Limited(maxAllowed, maxReason);
        }
        return new Limited(desired, Limited.WITHIN_RANGE);
    }

    /** {@code int32(math.Max(scaleUpLimitFactor*float64(current), scaleUpLimitMinimum))}. */
    public static int scaleUpLimit(int current, double factor, double minimum) {
        return (int) Math.max(factor * (double) current, minimum);
    }
}
