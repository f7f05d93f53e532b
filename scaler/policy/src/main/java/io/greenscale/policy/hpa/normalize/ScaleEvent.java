package io.greenscale.policy.hpa.normalize;

import java.time.Instant;
import java.util.Objects;

/**
 * One rescale the controller made ({@code horizontal.go: timestampedScaleEvent}).
 *
 * @param replicaChange the magnitude of the change, ≥ 0 in both directions' lists
 * @param outdated      older than the direction's longest policy period when last checked: the slot
 *                      may be reused; the event still counts if it falls inside a policy period
 */
public record ScaleEvent(int replicaChange, Instant timestamp, boolean outdated) {
    public ScaleEvent {
        if (replicaChange < 0) {
            throw new IllegalArgumentException("replicaChange must be >= 0, got " + replicaChange);
        }
        Objects.requireNonNull(timestamp, "timestamp");
    }

    ScaleEvent markedOutdated() {
        return new ScaleEvent(replicaChange, timestamp, true);
    }
}
