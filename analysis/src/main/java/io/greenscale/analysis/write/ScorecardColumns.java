package io.greenscale.analysis.write;

import io.greenscale.analysis.compute.Aggregate;
import io.greenscale.analysis.compute.Estimate;
import io.greenscale.analysis.compute.Metric;
import io.greenscale.analysis.compute.Scorecard;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The columns of runs.csv, summary.csv and scorecard.json, named once: units in the names, the
 * same names in every file.
 */
final class ScorecardColumns {
    private ScorecardColumns() {}

    /** One run, every field, values typed (numbers stay numbers for JSON). */
    static Map<String, Object> run(Scorecard c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", c.run());
        m.put("kind", c.kind());
        m.put("scenario", c.scenario());
        m.put("policy", c.policy());
        m.put("seed", c.seed());
        m.put("slo_p95_ms", c.sloP95Millis());
        m.put("duration_s", c.durationSeconds());
        m.put("requests", c.requests());
        m.put("completed", c.completed());
        m.put("slo_attainment", c.sloAttainment());
        m.put("violation_s", c.violationSeconds());
        m.put("p50_ms", c.p50Millis());
        m.put("p95_ms", c.p95Millis());
        m.put("p99_ms", c.p99Millis());
        m.put("latency_source", c.latencySource().name().toLowerCase(java.util.Locale.ROOT));
        m.put("replica_s", c.replicaSeconds());
        m.put("gpu_h", c.gpuHours());
        m.put("cost", c.cost());
        m.put("cost_vs_oracle", c.costVsOracle());
        m.put("scale_events", c.scaleEvents());
        m.put("reversals", c.reversals());
        m.put("react_s", c.reactSeconds());
        m.put("interrupted", c.interrupted());
        m.put("dropped", c.dropped());
        m.put("errors", c.errors());
        m.put("unfinished", c.unfinished());
        return m;
    }

    /** One scenario × policy: how many runs, their seeds, and each metric's mean and CI half-width. */
    static Map<String, Object> aggregate(Aggregate a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", a.scenario());
        m.put("policy", a.policy());
        m.put("runs", a.runs().size());
        m.put("seeds", a.seeds().stream().map(String::valueOf).collect(Collectors.joining(" ")));
        for (Metric metric : Metric.values()) {
            Estimate e = a.get(metric);
            m.put(metric.key() + "_mean", e.mean());
            m.put(metric.key() + "_ci95", e.ci95());
        }
        return m;
    }

    /** As text for a CSV cell: numbers exactly (see {@link Format#exact}), null as empty. */
    static Map<String, String> cells(Map<String, Object> row) {
        Map<String, String> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k, switch (v) {
            case null -> "";
            case Double d -> Format.exact(d);
            default -> String.valueOf(v);
        }));
        return out;
    }

    static List<String> names(Map<String, ?> row) {
        return List.copyOf(row.keySet());
    }
}
