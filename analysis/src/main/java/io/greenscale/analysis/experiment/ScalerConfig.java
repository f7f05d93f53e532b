package io.greenscale.analysis.experiment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scaler's configuration for an experiment (docs/configuration.md): one local target whose
 * workers drain the experiment's queue, the policy under test, the decision log into the run
 * directory, Kubernetes left alone. Pure: a map the caller writes as YAML.
 */
final class ScalerConfig {
    /** The workload's name: the target is {@code local/localworkers/inference-app}, its workers {@code inference-app-xxxxx}. */
    static final String APP = "inference-app";
    /** The histogram of enqueue-to-completion latency the app exports per job (docs/inference-app.md). */
    static final String JOB_LATENCY = "greenscale_app_job_latency_seconds";

    private ScalerConfig() {}

    /** Where the scaler and its workers write, inside the run directory. */
    record Paths(Path decisions, Path events, Path workerLogs, Path fileSd) {}

    static Map<String, Object> of(ExperimentPlan plan, Servers.Endpoints servers, int metricsPort, List<String> appCommand, Paths paths) {
        ExperimentPlan.Worker w = plan.worker();
        Map<String, Object> local = new LinkedHashMap<>();
        local.put("name", APP);
        local.put("command", appCommand);
        local.put("env", Map.of("GS_JAVA_OPTS", w.javaOptions()));
        local.put("initialReplicas", plan.initialReplicas());
        local.put("maxWorkers", plan.machine().maxWorkers());
        local.put("coldStart", w.coldStart().toMillis() + "ms");
        local.put("serviceTimeMin", w.serviceTime().toMillis() + "ms");
        if (w.serviceTimeCv() > 0) {
            local.put("args", List.of("--service-time-cv", Double.toString(w.serviceTimeCv())));
        }
        local.put("concurrency", w.concurrency());
        local.put("cpuRequest", w.cpuRequestMilli() + "m");
        local.put("terminationGrace", w.terminationGrace().toMillis() + "ms");
        local.put("metricsResolution", plan.metrics().metricsServerResolution().toMillis() + "ms");
        local.put("fileSd", paths.fileSd().toString());
        local.put("eventLog", paths.events().toString());
        local.put("logDir", paths.workerLogs().toString());

        Map<String, Object> target = new LinkedHashMap<>();
        target.put("namespace", "local");
        target.put("mode", "active");
        target.put("busyAwareScaleDown", busyAware(plan.policySection()));
        target.put("queue", Map.of("type", "list", "name", servers.queue()));
        target.put("signals", Map.of("p95", Map.of("histogram", JOB_LATENCY,
                "window", plan.metrics().latencyWindow().toSeconds() + "s")));
        target.put("local", local);
        target.put("policy", plan.policySection());

        Map<String, Object> root = new LinkedHashMap<>();
        root.put("shutdownGrace", "20s");
        root.put("kubernetes", Map.of("events", false));
        root.put("server", Map.of("address", "127.0.0.1", "port", metricsPort));
        root.put("decisionLog", Map.of("stdout", false, "file", paths.decisions().toString()));
        root.put("redis", Map.of("url", servers.redis().toString(), "timeout", "1s"));
        root.put("prometheus", Map.of("url", servers.prometheus().toString(), "timeout", "2s"));
        root.put("targets", List.of(target));
        return root;
    }

    /** GreenScale's scaler sets pod-deletion costs from the queue; the HPA and KEDA leave the ReplicaSet's default ranking. */
    static boolean busyAware(Map<String, Object> policySection) {
        return "greenscale".equals(String.valueOf(policySection.getOrDefault("type", "greenscale")));
    }
}
