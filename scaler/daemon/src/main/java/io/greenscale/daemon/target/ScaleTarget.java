package io.greenscale.daemon.target;

import io.greenscale.daemon.signal.SourceException;
import io.greenscale.daemon.signal.Tick;
import java.util.Map;

/**
 * Something whose replica count the daemon sets: a Kubernetes workload through its scale
 * subresource, a dry-run stand-in, or local worker processes. Only targets write.
 */
public interface ScaleTarget {

    /** Reads the target's current state; a failure skips the target for this tick. */
    Observation observe(Tick tick) throws SourceException;

    /**
     * Sets the replica count to {@code desired}, skipping the write when nothing would change.
     *
     * @param seen          the observation this tick's decision was based on (its version guards the write)
     * @param deletionCosts pod name → cost, written before a scale-down so that idle pods are removed first; may be empty
     */
    WriteResult scale(Observation seen, int desired, Map<String, Integer> deletionCosts, Tick tick);
}
