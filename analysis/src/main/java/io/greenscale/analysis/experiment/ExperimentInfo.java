package io.greenscale.analysis.experiment;

import io.greenscale.analysis.scenario.Deployment;
import io.greenscale.loadgen.record.RunInfo;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * run.json of an experiment (docs/experiment.md): the common keys, the scenario and policy by the
 * names reports pair runs by, the deployment facts every policy was configured from, and the
 * backend — the worker's emulation, the machine's bound, the servers and the metrics pipeline —
 * which the calibration reads back.
 */
final class ExperimentInfo {
    /** A replica emulates one GPU; priced like the simulator's default cluster so costs compare. */
    static final double PRICE_PER_GPU_HOUR = 2.5;

    private ExperimentInfo() {}

    static RunInfo of(ExperimentPlan plan, Servers.Endpoints servers, Instant start) {
        Deployment d = plan.deployment();
        Map<String, Object> workload = new LinkedHashMap<>(plan.workload().spec());
        workload.put("seed", plan.seed());
        workload.put("source", plan.source().source());
        workload.put("source_rate_scale", plan.rateScale());
        workload.put("source_time_scale", plan.timeScale());

        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("name", plan.source().scenarioName());
        scenario.put("title", plan.source().title() + " on this machine");
        scenario.put("description", plan.source().description());

        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("name", plan.policyName());
        policy.put("settings", plan.policySection());

        ExperimentPlan.Worker w = plan.worker();
        Map<String, Object> worker = new LinkedHashMap<>();
        worker.put("service_time_s", w.serviceTime().toMillis() / 1000.0);
        worker.put("service_time_cv", w.serviceTimeCv());
        worker.put("concurrency", w.concurrency());
        worker.put("cold_start_s", w.coldStart().toMillis() / 1000.0);
        worker.put("cpu_request_milli", w.cpuRequestMilli());
        worker.put("termination_grace_s", w.terminationGrace().toMillis() / 1000.0);
        worker.put("java_options", w.javaOptions());
        worker.put("job", plan.job());
        worker.put("job_timeout_s", plan.jobTimeout().toMillis() / 1000.0);
        worker.put("drain_s", plan.drain().toMillis() / 1000.0);

        Map<String, Object> backend = new LinkedHashMap<>();
        backend.put("type", "local");
        backend.put("worker", worker);
        backend.put("machine", Map.of("cores", plan.machine().cores(), "available_mib", plan.machine().availableMib(),
                "max_workers", plan.machine().maxWorkers(), "bound", plan.machine().describe()));
        backend.put("redis", Map.of("url", servers.redis().toString(), "started", servers.ownRedis(), "version", servers.redisVersion(),
                "queue", servers.queue()));
        backend.put("prometheus", Map.of("url", servers.prometheus().toString(), "started", servers.ownPrometheus()));
        backend.put("metrics", Map.of("scrape_interval_s", plan.metrics().scrapeInterval().toSeconds(),
                "metrics_server_resolution_s", plan.metrics().metricsServerResolution().toSeconds(),
                "latency_window_s", plan.metrics().latencyWindow().toSeconds()));

        return RunInfo.of(RunInfo.Kind.EXPERIMENT, start)
                .seed(plan.seed())
                .workload(workload)
                .policy(policy)
                .sloP95Millis(d.slo().toMillis())
                .duration(plan.duration())
                .backend(backend)
                .put("scenario", scenario)
                .put("cost", Map.of("gpus_per_replica", 1, "price_per_gpu_hour", PRICE_PER_GPU_HOUR))
                .put("events", List.of())
                .put("replicas", Map.of("min", d.minReplicas(), "max", d.maxReplicas(), "initial", plan.initialReplicas()))
                .put("deployment", Map.of("per_replica_rate", d.perReplicaRate(), "concurrency", d.concurrency(),
                        "time_to_ready_s", d.timeToReady().toMillis() / 1000.0));
    }
}
