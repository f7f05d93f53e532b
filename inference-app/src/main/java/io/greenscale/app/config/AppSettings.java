package io.greenscale.app.config;

import io.greenscale.app.compute.EngineChoice;
import io.greenscale.app.work.Limits;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Every setting of the app, validated. Each comes from its command-line option, else its
 * {@code GS_APP_*} environment variable, else the default; see docs/inference-app.md for the table.
 *
 * @param concurrency compute slots: products running at once (HTTP requests and queue jobs together)
 * @param engineThreads threads one CPU product may use
 * @param maxWaiting admitted requests that may wait for a slot before HTTP answers 429
 * @param serviceTimeScale ≥ 1: hold each slot this many times the compute time (emulates a slower device)
 * @param minServiceTime hold each slot at least this long (emulates a device's fixed per-call latency)
 * @param serviceTimeCv ≥ 0: multiply each hold by a lognormal factor of mean 1 and this coefficient of variation (0: none)
 * @param shutdownDelay after SIGTERM, keep serving this long with readiness false (endpoint removal lag)
 * @param shutdownGrace then wait at most this long for the work in hand
 * @param heartbeat worker heartbeat period; a worker silent for 3 periods is considered dead
 */
public record AppSettings(int port, Mode mode, EngineChoice engine, int engineThreads, boolean tf32, int concurrency,
                          int maxWaiting, Limits limits, long maxBodyBytes, Duration modelLoadDelay,
                          double serviceTimeScale, Duration minServiceTime, double serviceTimeCv, Duration shutdownDelay, Duration shutdownGrace, URI redis, String queue,
                          Duration resultTtl, String workerId, Duration heartbeat, long seed) {

    /** Math mode of the cuda engine. */
    public enum CudaMath {
        FP32, TF32
    }

    /**
     * @param options the command-line values by option name; {@code env} the environment
     * @param maxHeapBytes {@code Runtime.maxMemory()}: the largest products must fit in it
     * @throws SettingsException listing every problem
     */
    public static AppSettings read(Map<String, String> options, Map<String, String> env, int cpus, long maxHeapBytes) {
        SettingsReader r = new SettingsReader(options, env);
        int port = r.integer("--port", "GS_APP_PORT", 8080, 0, 65535);
        Mode mode = r.choice("--mode", "GS_APP_MODE", Mode.HTTP, Mode.class);
        EngineChoice engine = r.choice("--engine", "GS_APP_ENGINE", EngineChoice.AUTO, EngineChoice.class);
        boolean tf32 = r.choice("--cuda-math", "GS_APP_CUDA_MATH", CudaMath.FP32, CudaMath.class) == CudaMath.TF32;
        int concurrency = r.integer("--concurrency", "GS_APP_CONCURRENCY", cpus, 1, 1024);
        int engineThreads = r.integer("--engine-threads", "GS_APP_ENGINE_THREADS", Math.max(1, cpus / concurrency), 1, 1024);
        int maxWaiting = r.integer("--max-waiting", "GS_APP_MAX_WAITING", 64, 0, 100_000);
        int maxN = r.integer("--max-n", "GS_APP_MAX_N", defaultMaxN(concurrency, maxHeapBytes), 1, 16_384);
        int maxIterations = r.integer("--max-iterations", "GS_APP_MAX_ITERATIONS", 100, 1, 100_000);
        int maxBatch = r.integer("--max-batch", "GS_APP_MAX_BATCH", 256, 1, 65_536);
        long maxBody = r.bytes("--max-body", "GS_APP_MAX_BODY", 4L << 20, 1L << 10, 1L << 30);
        Duration loadDelay = r.duration("--model-load-delay", "GS_APP_MODEL_LOAD_DELAY", Duration.ZERO, Duration.ZERO, Duration.ofHours(1));
        double scale = r.number("--service-time-scale", "GS_APP_SERVICE_TIME_SCALE", 1.0, 1.0, 1000.0);
        Duration minService = r.duration("--service-time-min", "GS_APP_SERVICE_TIME_MIN", Duration.ZERO, Duration.ZERO, Duration.ofMinutes(10));
        double serviceCv = r.number("--service-time-cv", "GS_APP_SERVICE_TIME_CV", 0.0, 0.0, 4.0);
        Duration delay = r.duration("--shutdown-delay", "GS_APP_SHUTDOWN_DELAY", Duration.ZERO, Duration.ZERO, Duration.ofMinutes(10));
        Duration grace = r.duration("--shutdown-grace", "GS_APP_SHUTDOWN_GRACE", Duration.ofSeconds(25), Duration.ZERO, Duration.ofHours(1));
        URI redis = r.redisUri("--redis", "GS_APP_REDIS", "redis://127.0.0.1:6379");
        String queue = r.string("--queue", "GS_APP_QUEUE", "jobs");
        if (queue.isEmpty() || queue.chars().anyMatch(Character::isWhitespace)) {
            r.problem("--queue / GS_APP_QUEUE = \"" + queue + "\": must be a non-empty name without spaces");
        }
        Duration ttl = r.duration("--result-ttl", "GS_APP_RESULT_TTL", Duration.ofHours(1), Duration.ofSeconds(1), Duration.ofDays(30));
        String workerId = r.string("--worker-id", "GS_APP_WORKER_ID", defaultWorkerId(env));
        if (workerId.isEmpty() || workerId.chars().anyMatch(Character::isWhitespace)) {
            r.problem("--worker-id / GS_APP_WORKER_ID = \"" + workerId + "\": must be a non-empty name without spaces");
        }
        Duration heartbeat = r.duration("--heartbeat", "GS_APP_HEARTBEAT", Duration.ofSeconds(2), Duration.ofMillis(50), Duration.ofMinutes(1));
        long seed = r.longValue("--seed", "GS_APP_SEED", 42);

        long perProduct = bytesPerProduct(maxN);
        if (perProduct * concurrency > maxHeapBytes / 2) {
            r.problem("--max-n = " + maxN + " with --concurrency = " + concurrency + " needs " + perProduct * concurrency / (1 << 20)
                    + " MiB for matrices, more than half of the " + maxHeapBytes / (1 << 20)
                    + " MiB heap: lower --max-n or --concurrency, or raise -Xmx");
        }
        if (!r.problems().isEmpty()) {
            throw new SettingsException(r.problems());
        }
        return new AppSettings(port, mode, engine, engineThreads, tf32, concurrency, maxWaiting,
                new Limits(maxN, maxIterations, maxBatch), maxBody, loadDelay, scale, minService, serviceCv, delay, grace, redis, queue, ttl,
                workerId, heartbeat, seed);
    }

    /** A product holds A, B and C (n² floats each) plus the engine's copies of them: 6 × 4 n² bytes. */
    static long bytesPerProduct(int n) {
        return 24L * n * n;
    }

    /** 2048, or the largest power of two whose products fit in half the heap (small containers). */
    static int defaultMaxN(int concurrency, long maxHeapBytes) {
        int n = 2048;
        while (n > 64 && bytesPerProduct(n) * concurrency > maxHeapBytes / 2) {
            n /= 2;
        }
        return n;
    }

    /** The pod name in Kubernetes (HOSTNAME), so per-worker in-flight maps to pod-deletion costs. */
    private static String defaultWorkerId(Map<String, String> env) {
        String host = env.get("HOSTNAME");
        return host != null && !host.isBlank() ? host.trim() : "worker-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
