package io.greenscale.policy.hpa.normalize;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Stabilisation with behavior ({@code horizontal.go: stabilizeRecommendationWithBehaviors}): a
 * scale-up needs every recommendation of the up-window above the current count (the lowest one
 * wins), a scale-down needs every recommendation of the down-window below it (the highest one
 * wins). Only recommendations strictly after a cutoff count — the opposite tie rule from the
 * legacy path — so a 300 s window scales down at 300 s with 15 s syncs.
 */
public final class BehaviorStabilizer {
    private BehaviorStabilizer() {}

    public static Stabilized stabilize(List<Recommendation> history, int current, int desired,
                                       Duration upWindow, Duration downWindow, Instant now) {
        Instant upCutoff = now.minus(upWindow);
        Instant downCutoff = now.minus(downWindow);
        int upRecommendation = desired;
        int downRecommendation = desired;
        int oldIndex = -1;
        for (int i = 0; i < history.size(); i++) {
            Recommendation r = history.get(i);
            if (r.timestamp().isAfter(upCutoff)) {
                upRecommendation = Math.min(r.replicas(), upRecommendation);
            }
            if (r.timestamp().isAfter(downCutoff)) {
                downRecommendation = Math.max(r.replicas(), downRecommendation);
            }
            if (r.timestamp().isBefore(upCutoff) && r.timestamp().isBefore(downCutoff)) {
                oldIndex = i;
            }
        }
        // Start from the current count, raise to the up-limit, then lower to the down-limit.
        int recommendation = current;
        if (recommendation < upRecommendation) {
            recommendation = upRecommendation;
        }
        if (recommendation > downRecommendation) {
            recommendation = downRecommendation;
        }
        // The unstabilised recommendation is stored, over the last entry expired for both windows.
        List<Recommendation> next = new ArrayList<>(history);
        Recommendation fresh = new Recommendation(desired, now);
        if (oldIndex >= 0) {
            next.set(oldIndex, fresh);
        } else {
            next.add(fresh);
        }
        String reason = desired >= current ? Stabilized.SCALE_UP_STABILIZED : Stabilized.SCALE_DOWN_STABILIZED;
        return new Stabilized(recommendation, reason, next);
    }
}
