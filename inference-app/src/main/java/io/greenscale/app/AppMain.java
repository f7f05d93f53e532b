package io.greenscale.app;

import io.greenscale.app.bench.EngineBenchCommand;
import io.greenscale.app.bench.InferLoadCommand;
import io.greenscale.app.compute.EngineUnavailable;
import io.greenscale.app.compute.NativeEnvironment;
import io.greenscale.app.config.AppSettings;
import io.greenscale.app.config.SettingsException;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code greenscale app}: the inference app (also the container entrypoint). Options are read as text
 * and validated together by {@link AppSettings}, so that each falls back to its environment variable
 * and one start-up reports every bad value.
 */
@Command(name = "greenscale app", mixinStandardHelpOptions = true, versionProvider = AppMain.Version.class,
        subcommands = {EngineBenchCommand.class, InferLoadCommand.class},
        description = {"The GreenScale inference app: matrix and MLP work on cuBLAS, OpenBLAS or the Java Vector API,",
            "over HTTP (/v1/matmul, /v1/infer) and/or as a reliable Redis-queue worker.",
            "Every option falls back to the environment variable shown, then to the default."},
        footer = {"", "Subcommands 'bench' and 'load' measure the engines and /v1/infer; see docs/inference-app.md."})
public final class AppMain implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port, 0 = any free one (GS_APP_PORT, default 8080)")
    String port;
    @Option(names = "--mode", paramLabel = "MODE", description = "http | worker | both (GS_APP_MODE, default http)")
    String mode;
    @Option(names = "--engine", paramLabel = "ENGINE", description = "auto | cuda | openblas | java; a forced engine that is unavailable stops start-up (GS_APP_ENGINE, default auto)")
    String engine;
    @Option(names = "--engine-threads", paramLabel = "N", description = "threads one CPU product may use (GS_APP_ENGINE_THREADS, default CPUs / concurrency)")
    String engineThreads;
    @Option(names = "--cuda-math", paramLabel = "MATH", description = "fp32 (cublasSgemm) | tf32 (cublasGemmEx on tensor cores) (GS_APP_CUDA_MATH, default fp32)")
    String cudaMath;
    @Option(names = "--concurrency", paramLabel = "N", description = "compute slots: products at once, HTTP and jobs together (GS_APP_CONCURRENCY, default CPUs)")
    String concurrency;
    @Option(names = "--max-waiting", paramLabel = "N", description = "requests that may wait for a slot before 429 (GS_APP_MAX_WAITING, default 64)")
    String maxWaiting;
    @Option(names = "--max-n", paramLabel = "N", description = "largest matrix size of /v1/matmul (GS_APP_MAX_N, default 2048 or what the heap fits)")
    String maxN;
    @Option(names = "--max-iterations", paramLabel = "N", description = "most iterations of one matmul (GS_APP_MAX_ITERATIONS, default 100)")
    String maxIterations;
    @Option(names = "--max-batch", paramLabel = "ROWS", description = "most rows of one /v1/infer (GS_APP_MAX_BATCH, default 256)")
    String maxBatch;
    @Option(names = "--max-body", paramLabel = "SIZE", description = "largest request body, e.g. 4MiB (GS_APP_MAX_BODY, default 4MiB)")
    String maxBody;
    @Option(names = "--model-load-delay", paramLabel = "DURATION", description = "not ready until this long after warm-up: emulates a GPU cold start, e.g. 90s (GS_APP_MODEL_LOAD_DELAY, default 0s)")
    String modelLoadDelay;
    @Option(names = "--service-time-scale", paramLabel = "X", description = "hold each compute slot X times the compute time: emulates a slower device (GS_APP_SERVICE_TIME_SCALE, default 1)")
    String serviceTimeScale;
    @Option(names = "--service-time-min", paramLabel = "DURATION", description = "hold each compute slot at least this long: emulates a device's fixed latency (GS_APP_SERVICE_TIME_MIN, default 0s)")
    String serviceTimeMin;
    @Option(names = "--service-time-cv", paramLabel = "X", description = "spread each hold by a lognormal factor of mean 1 and this coefficient of variation: emulates a device whose calls vary (GS_APP_SERVICE_TIME_CV, default 0 = none)")
    String serviceTimeCv;
    @Option(names = "--shutdown-delay", paramLabel = "DURATION", description = "after SIGTERM, keep serving this long while not ready (GS_APP_SHUTDOWN_DELAY, default 0s)")
    String shutdownDelay;
    @Option(names = "--shutdown-grace", paramLabel = "DURATION", description = "then wait at most this long for the work in hand (GS_APP_SHUTDOWN_GRACE, default 25s)")
    String shutdownGrace;
    @Option(names = "--redis", paramLabel = "URI", description = "redis://HOST:PORT[/DB] of the queue (GS_APP_REDIS, default redis://127.0.0.1:6379)")
    String redis;
    @Option(names = "--queue", paramLabel = "NAME", description = "queue name: list NAME, NAME:processing:WORKER, ... (GS_APP_QUEUE, default jobs)")
    String queue;
    @Option(names = "--result-ttl", paramLabel = "DURATION", description = "how long result:{id} lives (GS_APP_RESULT_TTL, default 1h)")
    String resultTtl;
    @Option(names = "--worker-id", paramLabel = "ID", description = "this worker's id (GS_APP_WORKER_ID, default $HOSTNAME = the pod name)")
    String workerId;
    @Option(names = "--heartbeat", paramLabel = "DURATION", description = "worker heartbeat period; 3 missed = dead (GS_APP_HEARTBEAT, default 2s)")
    String heartbeat;
    @Option(names = "--seed", paramLabel = "SEED", description = "seed of the model's weights (GS_APP_SEED, default 42)")
    String seed;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new AppMain()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> options = new LinkedHashMap<>();
        spec.commandLine().getParseResult().matchedOptions()
                .forEach(o -> options.put(o.longestName(), String.valueOf((Object) o.getValue())));
        AppSettings settings;
        try {
            settings = AppSettings.read(options, System.getenv(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory());
        } catch (SettingsException e) {
            e.problems().forEach(p -> spec.commandLine().getErr().println("greenscale app: " + p));
            return 2;
        }
        App app;
        try {
            app = App.start(settings, NativeEnvironment.system(), InstantSource.system());
        } catch (EngineUnavailable e) {
            spec.commandLine().getErr().println("greenscale app: engine " + e.kind().label() + " is unavailable: " + e.getMessage());
            e.attempts().forEach(a -> spec.commandLine().getErr().println("  tried " + a));
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("shutdown").unstarted(app::shutdown));
        app.awaitStopped();
        return 0;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"greenscale app " + InfoView.version()};
        }
    }
}
