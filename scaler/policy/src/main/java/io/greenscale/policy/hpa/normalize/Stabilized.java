package io.greenscale.policy.hpa.normalize;

import java.util.List;

/**
 * A stabilised recommendation, the reason upstream would give if it differs from the input
 * ({@code ScaleDownStabilized} or {@code ScaleUpStabilized}), and the recommendation history after
 * storing the new, unstabilised recommendation.
 */
public record Stabilized(int replicas, String reasonIfChanged, List<Recommendation> history) {
    public static final String SCALE_UP_STABILIZED = "ScaleUpStabilized";
    public static final String SCALE_DOWN_STABILIZED = "ScaleDownStabilized";

    public Stabilized {
        history = List.copyOf(history);
    }
}
