package io.greenscale.policy.hpa.normalize;

import io.greenscale.policy.hpa.spec.ResolvedRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Records a rescale in the direction's event list ({@code horizontal.go: storeScaleEvent,
 * markScaleEventsOutdated}): events older than the direction's longest policy period are marked
 * outdated (the mark persists), and the new event takes the slot of the last outdated one, else it
 * is appended. Nothing is recorded for an HPA without behavior; the caller skips the call then.
 */
public final class ScaleEventLog {
    private ScaleEventLog() {}

    /** The events of one direction after a rescale of {@code |newReplicas − prevReplicas|} in that direction. */
    public static List<ScaleEvent> store(List<ScaleEvent> events, ResolvedRules directionRules, int prevReplicas, int newReplicas, Instant now) {
        Instant cutoff = now.minusSeconds(directionRules.longestPolicyPeriodSeconds());
        List<ScaleEvent> next = new ArrayList<>(events.size() + 1);
        int oldIndex = -1;
        for (ScaleEvent e : events) {
            ScaleEvent marked = e.timestamp().isBefore(cutoff) ? e.markedOutdated() : e;
            if (marked.outdated()) {
                oldIndex = next.size();
            }
            next.add(marked);
        }
        ScaleEvent fresh = new ScaleEvent(Math.abs(newReplicas - prevReplicas), now, false);
        if (oldIndex >= 0) {
            next.set(oldIndex, fresh);
        } else {
            next.add(fresh);
        }
        return next;
    }
}
