package io.greenscale.analysis.compute;

import io.greenscale.loadgen.record.TimeseriesRow;
import java.util.Objects;

/** Replica counts of one second as billing sees them. */
public final class Replicas {
    private Replicas() {}

    /**
     * Replicas held in a second: ready + starting + terminating, because a pod holds its GPU
     * from creation to termination. Null when the second recorded none of the three.
     */
    public static Integer held(TimeseriesRow r) {
        if (r.readyReplicas() == null && r.startingReplicas() == null && r.terminatingReplicas() == null) {
            return null;
        }
        return Objects.requireNonNullElse(r.readyReplicas(), 0) + Objects.requireNonNullElse(r.startingReplicas(), 0)
                + Objects.requireNonNullElse(r.terminatingReplicas(), 0);
    }
}
