package io.greenscale.daemon.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A target whose replicas are inference-app worker processes on this machine ({@code local:}
 * instead of {@code scaleTargetRef:}): what each worker is started with, how it is stopped, and
 * where the target reports what it does. Used by {@code ./greenscale experiment --backend local}.
 *
 * @param name              the workload's name: the target is {@code <namespace>/localworkers/<name>}, workers are {@code <name>-<suffix>}
 * @param command           the app's command line without worker options (default {@code $GS_HOME/greenscale app})
 * @param args              extra app options appended after the worker options
 * @param env               extra environment variables for every worker (e.g. {@code GS_JAVA_OPTS})
 * @param initialReplicas   workers started with the scaler, as a Deployment exists before its autoscaler
 * @param maxWorkers        what this machine can hold; a larger decision is capped here and said so
 * @param coldStart         the app's {@code --model-load-delay}: readiness comes this long after warm-up
 * @param serviceTimeMin    the app's {@code --service-time-min}: each job holds its slot at least this long
 * @param serviceTimeScale  the app's {@code --service-time-scale}
 * @param concurrency       the app's {@code --concurrency}: jobs one worker holds at once
 * @param cpuRequestMilli   the CPU request each worker's pod view carries (the HPA's utilisation denominator)
 * @param terminationGrace  SIGTERM, then SIGKILL this long after if the worker has not exited
 * @param metricsResolution CPU usage is sampled per process this often, over this window, like metrics-server
 * @param fileSd            Prometheus file_sd JSON listing the live workers' {@code /metrics}; null for none
 * @param eventLog          JSON lines of every spawn, readiness, termination, kill, exit and scale; null for none
 * @param logDir            each worker's stdout and stderr go to {@code <logDir>/<worker>.log}
 */
public record LocalSpec(
        String name,
        List<String> command,
        List<String> args,
        Map<String, String> env,
        int initialReplicas,
        int maxWorkers,
        Duration coldStart,
        Duration serviceTimeMin,
        double serviceTimeScale,
        int concurrency,
        long cpuRequestMilli,
        Duration terminationGrace,
        Duration metricsResolution,
        Path fileSd,
        Path eventLog,
        Path logDir) {

    public LocalSpec {
        Objects.requireNonNull(name, "name");
        command = List.copyOf(command);
        args = List.copyOf(args);
        env = Map.copyOf(env);
        Objects.requireNonNull(coldStart, "coldStart");
        Objects.requireNonNull(serviceTimeMin, "serviceTimeMin");
        Objects.requireNonNull(terminationGrace, "terminationGrace");
        Objects.requireNonNull(metricsResolution, "metricsResolution");
        Objects.requireNonNull(logDir, "logDir");
    }

    /** The kind a local target's id carries: {@code local/localworkers/inference-app}. */
    public static final String KIND = "LocalWorkers";
}
