package io.greenscale.analysis.compute;

/**
 * One run's figures; docs/report.md defines each. A null figure could not be computed from what
 * the run recorded (no SLO, no replica counts, no oracle run to compare with, ...).
 *
 * @param sloAttainment     share of requests completed within the SLO, 0–1; dropped, failed,
 *                          interrupted and unfinished requests count as misses
 * @param violationSeconds  seconds whose p95 exceeded the SLO, or that had work waiting and no completion
 * @param latencySource     where the latency figures came from
 * @param replicaSeconds    Σ over seconds of ready + starting + terminating replicas
 * @param cost              GPU-hours × price per GPU-hour, in the report's currency
 * @param costVsOracle      this run's cost over the oracle's (same scenario and seed)
 * @param reactSeconds      from the first load step to the first scale-up decision after it
 * @param unfinished        requests still queued or in flight when the run ended
 */
public record Scorecard(
        String run,
        String kind,
        String scenario,
        String policy,
        Long seed,
        Double sloP95Millis,
        Double durationSeconds,
        Long requests,
        Long completed,
        Double sloAttainment,
        Long violationSeconds,
        Double p50Millis,
        Double p95Millis,
        Double p99Millis,
        LatencySource latencySource,
        Double replicaSeconds,
        Double gpuHours,
        Double cost,
        Double costVsOracle,
        Long scaleEvents,
        Long reversals,
        Double reactSeconds,
        Long interrupted,
        Long dropped,
        Long errors,
        Long unfinished) {

    /** Where a run's latency figures came from. */
    public enum LatencySource {
        /** Every request's latency, from latency.hlog (or the simulator's histogram). */
        HLOG,
        /** Estimated from timeseries.csv's per-second p50/p95/p99: the run had no latency log. */
        TIMESERIES,
        /** The run recorded no latencies. */
        NONE
    }

    public Scorecard withCostVsOracle(Double ratio) {
        return new Scorecard(run, kind, scenario, policy, seed, sloP95Millis, durationSeconds, requests, completed,
                sloAttainment, violationSeconds, p50Millis, p95Millis, p99Millis, latencySource, replicaSeconds, gpuHours,
                cost, ratio, scaleEvents, reversals, reactSeconds, interrupted, dropped, errors, unfinished);
    }

    /** The scenario a run belongs to in tables and plots; runs without one are grouped as "unnamed". */
    public String scenarioLabel() {
        return scenario != null ? scenario : "unnamed";
    }

    /**
     * The policy a run is grouped under. A run without one (a load test alone) stands for itself;
     * a shadow run's figures are the live cluster's, under whatever autoscaler ran it, so it is
     * not filed under the policy that only watched.
     */
    public String policyLabel() {
        if (isShadow()) {
            return "live cluster" + (policy == null ? "" : " (" + policy + " in shadow)");
        }
        return policy != null ? policy : run;
    }

    public boolean isShadow() {
        return "shadow".equals(kind);
    }
}
