package io.greenscale.loadgen.record;

import java.util.Map;

/**
 * {@code summary.json}: a run's totals. Latency is measured from the intended send time (so a
 * stalled target cannot hide behind the generator waiting for it); service time from the actual
 * send; scheduling error is how late requests were sent. Producers that do not measure one of
 * these leave it null, and it is left out of the file.
 *
 * @param durationS          seconds from the first scheduled arrival to the end of the drain
 * @param achievedRatePerS   completed requests per second of the scheduled duration
 * @param errorsByKind       e.g. {@code status_503}, {@code timeout}, {@code connect}
 */
public record RunSummary(
        double durationS,
        Requests requests,
        double intendedRatePerS,
        double achievedRatePerS,
        LatencyStats latencyMs,
        LatencyStats serviceTimeMs,
        LatencyStats schedulingErrorMs,
        Map<String, Long> errorsByKind,
        Boolean closedLoop) {

    /**
     * @param intended  arrivals the schedule held
     * @param sent      requests sent (open loop: all of them unless dropped)
     * @param completed requests that succeeded
     * @param errors    requests that failed, timeouts included
     * @param timeouts  of the errors, those that hit the timeout
     * @param dropped   requests never sent (a full queue, or the drain deadline)
     */
    public record Requests(long intended, long sent, long completed, long errors, long timeouts, long dropped) {}
}
