package io.greenscale.policy.hpa.controller;

import io.greenscale.policy.hpa.normalize.Limited;
import io.greenscale.policy.hpa.normalize.Recommendation;
import java.util.List;

/**
 * The metric recommendation after stabilisation and limits.
 *
 * @param recommended      the metrics' proposal before normalisation
 * @param stabilized       after the stabilisation window(s)
 * @param ableToScaleReason {@code ReadyForNewScale}, {@code ScaleDownStabilized} or {@code ScaleUpStabilized}
 * @param limited          after the clamp or rate limits, with the ScalingLimited reason
 */
public record Normalized(int recommended, int stabilized, String ableToScaleReason, Limited limited, List<Recommendation> history) {

    public Normalized {
        history = List.copyOf(history);
    }

    /** ScalingLimited is True when the limits changed the stabilised value. */
    public boolean isLimited() {
        return limited.replicas() != stabilized;
    }
}
