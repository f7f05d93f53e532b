package io.greenscale.analysis.experiment;

import java.time.Instant;
import java.util.Map;

/**
 * What the sampler saw at the end of second {@code second} of the run.
 *
 * @param backlog        {@code LLEN} of the queue: jobs no worker has taken
 * @param inFlight       Σ {@code LLEN {q}:processing:<worker>} over the registered workers: jobs being worked on
 * @param enqueued       the producers' counter {@code {q}:stats:enqueued}
 * @param completed      the workers' counter {@code {q}:stats:completed} (duplicates included)
 * @param reclaimed      the workers' counter {@code {q}:stats:reclaimed}: jobs taken back from a worker that died
 * @param coresByWorker  each live worker's CPU use over the second, in cores
 */
record Sample(long second, Instant at, long backlog, long inFlight, long enqueued, long completed, long reclaimed,
              Map<String, Double> coresByWorker) {
    Sample {
        coresByWorker = Map.copyOf(coresByWorker);
    }
}
