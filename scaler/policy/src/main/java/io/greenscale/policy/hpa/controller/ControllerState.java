package io.greenscale.policy.hpa.controller;

import io.greenscale.policy.hpa.normalize.Recommendation;
import io.greenscale.policy.hpa.normalize.ScaleEvent;
import java.util.List;
import java.util.Objects;

/**
 * What the controller keeps for one HPA between syncs: the recommendation history, the scale-up
 * and scale-down events, and the status conditions.
 *
 * @param recommendations null until the first sync, which seeds it with the current count
 *                        ({@code horizontal.go: recordInitialRecommendation}), so a new or restarted
 *                        controller cannot scale below the current count for one downscale window
 */
public record ControllerState(List<Recommendation> recommendations, List<ScaleEvent> scaleUpEvents,
                              List<ScaleEvent> scaleDownEvents, Conditions conditions) {

    public static final ControllerState FRESH = new ControllerState(null, List.of(), List.of(), Conditions.NONE);

    public ControllerState {
        recommendations = recommendations == null ? null : List.copyOf(recommendations);
        scaleUpEvents = List.copyOf(scaleUpEvents);
        scaleDownEvents = List.copyOf(scaleDownEvents);
        Objects.requireNonNull(conditions, "conditions");
    }
}
