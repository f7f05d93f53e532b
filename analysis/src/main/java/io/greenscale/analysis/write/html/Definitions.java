package io.greenscale.analysis.write.html;

import java.util.List;

/** The scorecard's definitions, as report.html states them (docs/report.md says the same). */
final class Definitions {
    record Term(String name, String meaning) {}

    static final List<Term> TERMS = List.of(
            new Term("SLO attainment", "The share of requests completed within the latency SLO (slo.p95_ms), from every request's latency."
                    + " Dropped, failed and interrupted requests, and those still queued or in flight when the run ended, count as misses."),
            new Term("SLO-violation seconds", "Seconds whose p95 latency exceeded the SLO, and seconds with work waiting (arrivals or a backlog)"
                    + " but no request completed: a stalled queue has no latency to report, and must not look healthy."),
            new Term("p50 / p95 / p99", "Latency percentiles over every completed request of the run (latency.hlog). Without a latency log"
                    + " they are estimated from timeseries.csv's per-second percentiles, and the run's latency source says so."),
            new Term("replica-seconds", "Σ over seconds of ready + starting + terminating replicas: a pod holds its GPU from creation to termination."),
            new Term("GPU-hours", "replica-seconds × GPUs per replica ÷ 3600."),
            new Term("cost", "Replica-hours × price per replica-hour where run.json gives one (a replica priced whole, e.g. a"
                    + " CPU-only service); otherwise GPU-hours × price per GPU-hour (run.json's cost block, or --price)."),
            new Term("cost ÷ oracle", "A run's cost over the cost of the oracle run of the same scenario and seed; the oracle knows the"
                    + " future load and provisions the least capacity that keeps the SLO. Replica-seconds are compared where there is no price."),
            new Term("scale events", "Decisions that changed the replica count (desired ≠ current); for runs without decisions, changes of"
                    + " desired_replicas in timeseries.csv. A shadow run's events are the live cluster's."),
            new Term("direction reversals", "Sign changes between consecutive scale events (up then down, or down then up): flapping."),
            new Term("time to react", "Seconds from the scenario's first load step to the first scale-up decision at or after it."),
            new Term("interrupted / dropped", "Requests cut off by a pod shutdown; requests refused or never sent (a full queue)."),
            new Term("mean ± 95 % CI", "The mean over a policy's runs (seeds) and the half-width of its 95 % confidence interval from"
                    + " Student's t with n − 1 degrees of freedom. One run has no interval. Intervals that do not overlap mean a"
                    + " difference beyond the noise between seeds."));

    private Definitions() {}
}
