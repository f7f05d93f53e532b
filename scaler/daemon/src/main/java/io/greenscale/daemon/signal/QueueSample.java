package io.greenscale.daemon.signal;

import java.util.Map;

/**
 * What a work queue holds at one instant.
 *
 * @param backlog          jobs waiting, not yet taken by a worker
 * @param inFlight         jobs taken and not yet completed, over all workers
 * @param inFlightByWorker in-flight jobs per worker id (= pod name), for pod-deletion costs
 * @param enqueuedTotal    the producers' running count of jobs pushed; null when they keep none
 * @param completedTotal   the workers' running count of jobs completed; null when they keep none
 */
public record QueueSample(long backlog, long inFlight, Map<String, Long> inFlightByWorker, Long enqueuedTotal, Long completedTotal) {

    public QueueSample {
        inFlightByWorker = Map.copyOf(inFlightByWorker);
    }
}
