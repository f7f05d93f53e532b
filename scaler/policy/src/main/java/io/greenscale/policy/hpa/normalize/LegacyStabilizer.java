package io.greenscale.policy.hpa.normalize;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Downscale stabilisation when the HPA has no behavior ({@code horizontal.go:
 * stabilizeRecommendation}): the result is the highest recommendation of the last window,
 * including the new one. A recommendation exactly at the cutoff still counts ("not before"), so
 * with a 300 s window and 15 s syncs the first scale-down comes at 315 s.
 */
public final class LegacyStabilizer {
    private LegacyStabilizer() {}

    public static Stabilized stabilize(List<Recommendation> history, int desired, Duration window, Instant now) {
        Instant cutoff = now.minus(window);
        int max = desired;
        int oldIndex = -1;
        for (int i = 0; i < history.size(); i++) {
            Recommendation r = history.get(i);
            if (r.timestamp().isBefore(cutoff)) {
                oldIndex = i;
            } else if (r.replicas() > max) {
                max = r.replicas();
            }
        }
        // The new recommendation overwrites the last expired one, else it is appended.
        List<Recommendation> next = new ArrayList<>(history);
        Recommendation fresh = new Recommendation(desired, now);
        if (oldIndex >= 0) {
            next.set(oldIndex, fresh);
        } else {
            next.add(fresh);
        }
        return new Stabilized(max, Stabilized.SCALE_DOWN_STABILIZED, next);
    }
}
