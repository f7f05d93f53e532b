package io.greenscale.policy.hpa.normalize;

import java.util.Objects;

/**
 * A replica count after the clamp or the rate limits, with upstream's ScalingLimited reason:
 * {@code DesiredWithinRange}, {@code ScaleUpLimit}, {@code ScaleDownLimit}, {@code TooManyReplicas}
 * or {@code TooFewReplicas}.
 */
public record Limited(int replicas, String reason) {
    public static final String WITHIN_RANGE = "DesiredWithinRange";
    public static final String SCALE_UP_LIMIT = "ScaleUpLimit";
    public static final String SCALE_DOWN_LIMIT = "ScaleDownLimit";
    public static final String TOO_MANY = "TooManyReplicas";
    public static final String TOO_FEW = "TooFewReplicas";

    public Limited {
        Objects.requireNonNull(reason, "reason");
    }
}
