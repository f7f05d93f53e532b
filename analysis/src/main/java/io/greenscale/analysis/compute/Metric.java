package io.greenscale.analysis.compute;

import java.util.function.Function;

/**
 * The scorecard figures that are averaged over seeds, in the order every table and CSV shows
 * them. {@code key} is the CSV column stem (units in the name); {@code label} the table header.
 */
public enum Metric {
    SLO_ATTAINMENT("slo_attainment", "SLO %", Scorecard::sloAttainment),
    VIOLATION_SECONDS("violation_s", "viol. s", c -> asDouble(c.violationSeconds())),
    P50_MS("p50_ms", "p50 ms", Scorecard::p50Millis),
    P95_MS("p95_ms", "p95 ms", Scorecard::p95Millis),
    P99_MS("p99_ms", "p99 ms", Scorecard::p99Millis),
    REPLICA_SECONDS("replica_s", "replica·s", Scorecard::replicaSeconds),
    GPU_HOURS("gpu_h", "GPU-h", Scorecard::gpuHours),
    COST("cost", "cost", Scorecard::cost),
    COST_VS_ORACLE("cost_vs_oracle", "×oracle", Scorecard::costVsOracle),
    SCALE_EVENTS("scale_events", "events", c -> asDouble(c.scaleEvents())),
    REVERSALS("reversals", "revers.", c -> asDouble(c.reversals())),
    REACT_SECONDS("react_s", "react s", Scorecard::reactSeconds),
    INTERRUPTED("interrupted", "interr.", c -> asDouble(c.interrupted())),
    DROPPED("dropped", "dropped", c -> asDouble(c.dropped())),
    ERRORS("errors", "errors", c -> asDouble(c.errors())),
    REQUESTS("requests", "requests", c -> asDouble(c.requests()));

    private final String key;
    private final String label;
    private final Function<Scorecard, Double> value;

    Metric(String key, String label, Function<Scorecard, Double> value) {
        this.key = key;
        this.label = label;
        this.value = value;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** The run's figure, or null when it could not be computed. */
    public Double of(Scorecard card) {
        return value.apply(card);
    }

    private static Double asDouble(Long v) {
        return v == null ? null : v.doubleValue();
    }
}
