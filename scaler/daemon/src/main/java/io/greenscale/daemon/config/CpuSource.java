package io.greenscale.daemon.config;

/** Where a target's CPU utilisation comes from. */
public sealed interface CpuSource {

    /** {@code metrics.k8s.io} pod usage divided by the pods' CPU requests, averaged over ready pods (what the HPA reads). */
    record MetricsApi() implements CpuSource {
    }

    /** A PromQL query that yields the utilisation as a fraction of the request. */
    record Prometheus(PromSignalSpec spec) implements CpuSource {
    }
}
