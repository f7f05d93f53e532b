package io.greenscale.analysis.experiment;

import io.greenscale.analysis.scenario.Deployment;
import io.greenscale.analysis.scenario.WorkloadSource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one local experiment runs with, resolved and checked before anything starts.
 *
 * @param workload      the demand, already scaled ({@link #rateScale}, {@link #timeScale}) and cut at {@link #duration}
 * @param policySection the scaler's {@code policy:} section; its {@code name} is the policy's name in every record
 * @param syncPeriod    how often the policy decides (the scaler's tick for it)
 * @param deployment    the facts every policy is configured from (bounds, SLO, per-replica rate, cold start)
 * @param initialReplicas workers running (and ready) when the load starts
 * @param jobTimeout    how long the load generator waits for a job before it counts as an error
 * @param drain         how long the run waits for jobs still queued once the workload has ended; what is left then is unfinished
 * @param redis         a running Redis to use, or null to start one; likewise {@code prometheus}
 */
public record ExperimentPlan(
        ExperimentWorkload source,
        WorkloadSource workload,
        double rateScale,
        double timeScale,
        Duration duration,
        long seed,
        String policyName,
        Map<String, Object> policySection,
        Duration syncPeriod,
        Deployment deployment,
        int initialReplicas,
        Worker worker,
        Metrics metrics,
        MachineBounds machine,
        String job,
        Duration jobTimeout,
        Duration drain,
        URI redis,
        URI prometheus,
        Path out) {

    public ExperimentPlan {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(policySection, "policySection");
        policySection = Map.copyOf(policySection);
    }

    /**
     * One worker process: the app as a queue worker emulating a GPU without burning the CPU.
     *
     * @param serviceTime      the app's {@code --service-time-min}: each job holds a slot this long (on average, with a spread)
     * @param serviceTimeCv    the app's {@code --service-time-cv}: the hold's lognormal spread (0: none)
     * @param concurrency      jobs a worker holds at once (its slots)
     * @param coldStart        the app's {@code --model-load-delay}, after the JVM's own start
     * @param cpuRequestMilli  the CPU request of its pod view: the HPA's utilisation denominator
     * @param terminationGrace SIGTERM, then SIGKILL this long after
     * @param javaOptions      the worker JVM's options (a small heap, serial GC, C1 only: dozens fit on a laptop)
     */
    public record Worker(Duration serviceTime, double serviceTimeCv, int concurrency, Duration coldStart, long cpuRequestMilli, Duration terminationGrace,
                         String javaOptions) {}

    /**
     * The metrics pipeline, as in a cluster and as the simulated twin models it.
     *
     * @param scrapeInterval          Prometheus scraping the workers' /metrics (file_sd)
     * @param metricsServerResolution per-process CPU sampling period and window
     * @param latencyWindow           the p95 query's rate window
     */
    public record Metrics(Duration scrapeInterval, Duration metricsServerResolution, Duration latencyWindow) {}
}
