package io.greenscale.analysis.run;

import io.greenscale.loadgen.record.TimeseriesRow;
import io.greenscale.policy.DecisionRecord;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * One run as the analyser sees it, simulated or real: what a run directory holds. The simulator
 * builds it in memory; the reader builds it from disk; every scorecard, plot and report is
 * computed from it, so both paths give the same numbers.
 *
 * @param name      a label for tables and file names (the run directory's name)
 * @param info      {@code run.json}: kind, scenario, policy, seed, slo, cost, events, …
 * @param seconds   {@code timeseries.csv}, one row per second
 * @param latencyMicros every completed request's latency over the whole run, in microseconds
 *                      ({@code latency.hlog}'s intervals added up)
 * @param decisions {@code decisions.jsonl}; empty when the run has none
 */
public record RunData(
        String name,
        Map<String, Object> info,
        List<TimeseriesRow> seconds,
        Histogram latencyMicros,
        List<DecisionRecord> decisions) {

    public RunData {
        Objects.requireNonNull(name, "name");
        info = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(info)); // run.json may hold nulls
        seconds = List.copyOf(seconds);
        Objects.requireNonNull(latencyMicros, "latencyMicros");
        decisions = List.copyOf(decisions);
    }
}
