package io.greenscale.analysis.sim;

import java.time.Duration;

/**
 * The virtual cluster a simulation runs on: how replicas serve requests, how pods start and
 * stop, and how metrics reach the autoscalers. {@link ClusterModelReader} reads it from YAML with
 * the defaults documented in {@code analysis/examples/cluster.yaml}.
 */
public record ClusterModel(Dispatch dispatch, Service service, Lifecycle lifecycle, Resources resources,
                           MetricsPipeline metrics, Limits limits, Cost cost) {

    /** How requests reach replicas. */
    public enum Dispatch {
        /** One shared queue; a free slot on a ready replica takes the oldest job (a Redis work queue). */
        QUEUE,
        /** A load balancer assigns each request to a ready replica in turn; each replica queues its own. */
        ROUND_ROBIN,
        /** A load balancer assigns each request to a ready replica at random. */
        RANDOM
    }

    public enum Distribution { DETERMINISTIC, EXPONENTIAL, LOGNORMAL }

    /**
     * Service time of one request: {@code base + perInputToken × in + perOutputToken × out}, times a
     * noise factor with mean 1 ({@code distribution}, {@code cv}). A replica has {@code concurrency}
     * slots; a slot may take up to {@code maxBatch} waiting requests at once, paying {@code base} once.
     * Requests without token counts use the default counts.
     */
    public record Service(Duration base, Duration perInputToken, Duration perOutputToken, Distribution distribution,
                          double cv, int concurrency, int maxBatch, int defaultInputTokens, int defaultOutputTokens) {

        /** Mean service time of a request of the default size, in seconds. */
        public double meanSecondsAtDefaultSize() {
            return (base.toNanos() + perInputToken.toNanos() * (double) defaultInputTokens
                    + perOutputToken.toNanos() * (double) defaultOutputTokens) / 1e9;
        }
    }

    /**
     * Pod lifecycle: scheduled after {@code schedulingDelay}, ready after {@code coldStart} more
     * (image pull + model load, ± {@code coldStartJitter} as a fraction), and on scale-down given
     * {@code terminationGrace} to finish its work before it is killed.
     */
    public record Lifecycle(Duration schedulingDelay, Duration coldStart, double coldStartJitter, Duration terminationGrace) {
        /** Expected time from asking for a pod to its readiness. */
        public Duration timeToReady() {
            return schedulingDelay.plus(coldStart);
        }
    }

    /**
     * What a pod uses, in CPU cores: idle, per busy slot (low for a GPU-bound server whose GPU
     * does the work), and while loading the model; and GPUs per replica.
     */
    public record Resources(double cpuRequest, double cpuIdle, double cpuPerBusySlot, double cpuStartup, int gpusPerReplica) {}

    /**
     * The metrics pipeline as it really is: metrics-server samples CPU every {@code metricsServerResolution}
     * over that window; Prometheus scrapes every {@code scrapeInterval}; p95 is
     * {@code histogram_quantile(0.95, rate(..._bucket[latencyWindow]))}; request rates for
     * load-balanced services are {@code rate(...[rateWindow])}.
     */
    public record MetricsPipeline(Duration metricsServerResolution, Duration scrapeInterval, Duration latencyWindow,
                                  Duration rateWindow) {}

    /**
     * @param maxQueuePerReplica load-balanced dispatch: requests a replica queues before it refuses more (0 = no limit)
     * @param requestTimeout     a request still waiting this long is abandoned by its client (0 = never)
     */
    public record Limits(int maxQueuePerReplica, Duration requestTimeout) {}

    /**
     * @param pricePerReplicaHour price of one replica for an hour; NaN = {@code gpusPerReplica × pricePerGpuHour}
     */
    public record Cost(double pricePerGpuHour, double pricePerReplicaHour) {}

    /** What one replica costs per hour. */
    public double replicaHourPrice() {
        return Double.isNaN(cost.pricePerReplicaHour()) ? resources.gpusPerReplica() * cost.pricePerGpuHour() : cost.pricePerReplicaHour();
    }

    /** Jobs per second one replica completes at full load with requests of the default size. */
    public double perReplicaRate() {
        return service.concurrency() / service.meanSecondsAtDefaultSize();
    }
}
