package io.greenscale.loadgen.record;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One row of {@code timeseries.csv}: what happened in the second {@code [t_s, t_s + 1)} of the run.
 * A null field is "not measured by this producer" and is written as an empty cell.
 *
 * @param tS               whole seconds since the start of the run
 * @param arrivals         requests scheduled (intended) in this second
 * @param sent             requests actually sent (open loop: may lag behind arrivals)
 * @param completions      requests completed successfully
 * @param errors           requests that failed (error status, transport error, timeout)
 * @param dropped          requests never sent (a full queue) or refused
 * @param interrupted      requests cut off by a pod shutdown
 * @param backlog          requests waiting in a queue at the end of the second
 * @param inFlight         requests being served at the end of the second
 * @param desiredReplicas  the replica count the autoscaler set
 * @param readyReplicas    pods ready at the end of the second
 * @param startingReplicas pods that exist but are not ready yet (scheduling, pulling, loading)
 * @param terminatingReplicas pods draining or being killed: still billed, no longer serving new work
 * @param cpu              average CPU utilisation, fraction 0–1
 * @param gpu              average GPU utilisation, fraction 0–1
 * @param p50Ms            latency percentiles over the requests completed in this second, ms
 */
@JsonPropertyOrder({"t_s", "arrivals", "sent", "completions", "errors", "dropped", "interrupted", "backlog", "in_flight",
        "desired_replicas", "ready_replicas", "starting_replicas", "terminating_replicas", "cpu", "gpu", "p50_ms", "p95_ms", "p99_ms"})
public record TimeseriesRow(
        @JsonProperty("t_s") long tS,
        @JsonProperty("arrivals") Long arrivals,
        @JsonProperty("sent") Long sent,
        @JsonProperty("completions") Long completions,
        @JsonProperty("errors") Long errors,
        @JsonProperty("dropped") Long dropped,
        @JsonProperty("interrupted") Long interrupted,
        @JsonProperty("backlog") Long backlog,
        @JsonProperty("in_flight") Long inFlight,
        @JsonProperty("desired_replicas") Integer desiredReplicas,
        @JsonProperty("ready_replicas") Integer readyReplicas,
        @JsonProperty("starting_replicas") Integer startingReplicas,
        @JsonProperty("terminating_replicas") Integer terminatingReplicas,
        @JsonProperty("cpu") Double cpu,
        @JsonProperty("gpu") Double gpu,
        @JsonProperty("p50_ms") Double p50Ms,
        @JsonProperty("p95_ms") Double p95Ms,
        @JsonProperty("p99_ms") Double p99Ms) {

    /** The header, exactly as written. */
    public static final String HEADER = "t_s,arrivals,sent,completions,errors,dropped,interrupted,backlog,in_flight,"
            + "desired_replicas,ready_replicas,starting_replicas,terminating_replicas,cpu,gpu,p50_ms,p95_ms,p99_ms";

    /** Latencies are kept to the microsecond and utilisations to 0.01 %: the file's resolution. */
    public TimeseriesRow {
        cpu = round(cpu, 1e4);
        gpu = round(gpu, 1e4);
        p50Ms = round(p50Ms, 1e3);
        p95Ms = round(p95Ms, 1e3);
        p99Ms = round(p99Ms, 1e3);
    }

    private static Double round(Double v, double scale) {
        return v == null || v.isNaN() ? null : Math.round(v * scale) / scale;
    }

    public static Builder builder(long tS) {
        return new Builder(tS);
    }

    /** Sets only what a producer measures; the rest stays empty. */
    public static final class Builder {
        private final long tS;
        private Long arrivals, sent, completions, errors, dropped, interrupted, backlog, inFlight;
        private Integer desiredReplicas, readyReplicas, startingReplicas, terminatingReplicas;
        private Double cpu, gpu, p50Ms, p95Ms, p99Ms;

        private Builder(long tS) {
            this.tS = tS;
        }

        public Builder arrivals(long v) { arrivals = v; return this; }
        public Builder sent(long v) { sent = v; return this; }
        public Builder completions(long v) { completions = v; return this; }
        public Builder errors(long v) { errors = v; return this; }
        public Builder dropped(long v) { dropped = v; return this; }
        public Builder interrupted(long v) { interrupted = v; return this; }
        public Builder backlog(long v) { backlog = v; return this; }
        public Builder inFlight(long v) { inFlight = v; return this; }
        public Builder desiredReplicas(int v) { desiredReplicas = v; return this; }
        public Builder readyReplicas(int v) { readyReplicas = v; return this; }
        public Builder startingReplicas(int v) { startingReplicas = v; return this; }
        public Builder terminatingReplicas(int v) { terminatingReplicas = v; return this; }
        public Builder cpu(double fraction) { cpu = fraction; return this; }
        public Builder gpu(double fraction) { gpu = fraction; return this; }

        /** Percentiles in ms; pass nulls (or leave unset) for a second without completions. */
        public Builder latencyMillis(Double p50, Double p95, Double p99) {
            p50Ms = p50;
            p95Ms = p95;
            p99Ms = p99;
            return this;
        }

        public TimeseriesRow build() {
            return new TimeseriesRow(tS, arrivals, sent, completions, errors, dropped, interrupted, backlog, inFlight,
                    desiredReplicas, readyReplicas, startingReplicas, terminatingReplicas, cpu, gpu, p50Ms, p95Ms, p99Ms);
        }
    }
}
