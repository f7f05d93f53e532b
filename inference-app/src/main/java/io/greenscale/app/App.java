package io.greenscale.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.greenscale.app.admit.ComputeGate;
import io.greenscale.app.admit.Lifecycle;
import io.greenscale.app.admit.Pacer;
import io.greenscale.app.compute.CpuInfo;
import io.greenscale.app.compute.Engine;
import io.greenscale.app.compute.EngineSelector;
import io.greenscale.app.compute.NativeEnvironment;
import io.greenscale.app.compute.cuda.GpuTelemetry;
import io.greenscale.app.config.AppSettings;
import io.greenscale.app.http.HttpApi;
import io.greenscale.app.metrics.AppMetrics;
import io.greenscale.app.model.Mlp;
import io.greenscale.app.queue.JobParser;
import io.greenscale.app.queue.QueueKeys;
import io.greenscale.app.queue.QueueWorker;
import io.greenscale.app.work.Work;
import io.greenscale.app.work.WorkParser;
import io.greenscale.app.work.WorkRunner;
import io.javalin.Javalin;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Connection;
import redis.clients.jedis.RedisClient;

/**
 * One running inference app: engine → model → compute gate → HTTP and/or queue worker. Start-up
 * order matters: the HTTP server answers {@code /healthz} before warm-up, so a long (emulated) model
 * load never looks like a dead process; readiness follows warm-up.
 */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    private final AppSettings settings;
    private final Engine engine;
    private final Optional<GpuTelemetry> gpu;
    private final Lifecycle lifecycle;
    private final ComputeGate gate;
    private final WorkRunner runner;
    private final Javalin http;
    private final RedisClient redis;
    private final QueueWorker worker;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private App(AppSettings settings, Engine engine, Optional<GpuTelemetry> gpu, Lifecycle lifecycle, ComputeGate gate,
                WorkRunner runner, Javalin http, RedisClient redis, QueueWorker worker) {
        this.settings = settings;
        this.engine = engine;
        this.gpu = gpu;
        this.lifecycle = lifecycle;
        this.gate = gate;
        this.runner = runner;
        this.http = http;
        this.redis = redis;
        this.worker = worker;
    }

    /**
     * Starts everything and warms up in the background.
     *
     * @throws io.greenscale.app.compute.EngineUnavailable when the engine asked for cannot run here
     */
    public static App start(AppSettings s, NativeEnvironment natives, InstantSource clock) {
        CpuInfo cpu = CpuInfo.read();
        List<String> fallbacks = new ArrayList<>();
        Engine engine = new EngineSelector(natives, s.engineThreads(), s.tf32(), cpu).select(s.engine(), line -> {
            fallbacks.add(line);
            log.info(line);
        });
        log.info("engine {}: {}", engine.kind().label(), engine.describe());
        log.info("mode {}, {} compute slot(s) x {} engine thread(s), {} waiting places, max n {}, max batch {}, max body {} bytes",
                s.mode().name().toLowerCase(java.util.Locale.ROOT), s.concurrency(), s.engineThreads(), s.maxWaiting(),
                s.limits().maxN(), s.limits().maxBatch(), s.maxBodyBytes());
        Optional<GpuTelemetry> gpu = openTelemetry(natives);
        Mlp model = Mlp.seeded(s.seed(), Mlp.DEFAULT_WIDTHS);
        Lifecycle lifecycle = new Lifecycle(clock);
        ComputeGate gate = new ComputeGate(s.concurrency(), s.maxWaiting(), s.serviceTimeScale(), s.minServiceTime(),
                // Each worker its own draws: workers started together must not slow down in lockstep.
                ComputeGate.Spread.lognormal(s.serviceTimeCv(), s.seed() ^ s.workerId().hashCode()), Pacer.parking(), System::nanoTime);
        AppMetrics metrics = new AppMetrics(engine, gate, gpu);
        WorkParser parser = new WorkParser(s.limits(), model.inputWidth(), model.flopsPerRow());
        WorkRunner runner = new WorkRunner(engine, model);
        ObjectMapper reader = new ObjectMapper();
        ObjectMapper writer = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        InfoView info = new InfoView(s, engine, fallbacks, model, gpu, cpu, lifecycle);

        Javalin http = HttpApi.create(new HttpApi.Deps(s.mode().http(), s.maxBodyBytes(), reader, writer, lifecycle, gate,
                parser, runner, metrics, info::view)).start(s.port());
        RedisClient redis = null;
        QueueWorker worker = null;
        if (s.mode().worker()) {
            GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
            pool.setMaxTotal(s.concurrency() + 4); // a blocking BLMOVE per consumer, plus heartbeat and acknowledgements
            redis = RedisClient.builder().fromURI(s.redis()).poolConfig(pool).build();
            worker = new QueueWorker(redis, new QueueWorker.Config(new QueueKeys(s.queue()), s.workerId(), s.concurrency(),
                    s.heartbeat(), s.resultTtl()), reader, new JobParser(reader, parser), gate, runner, lifecycle, metrics);
            worker.start();
        }
        App app = new App(s, engine, gpu, lifecycle, gate, runner, http, redis, worker);
        Thread.ofPlatform().name("warm-up").daemon(true).start(app::warmUp);
        return app;
    }

    private static Optional<GpuTelemetry> openTelemetry(NativeEnvironment natives) {
        try {
            GpuTelemetry t = GpuTelemetry.open(natives);
            log.info("GPU telemetry: {}", t.describe());
            return Optional.of(t);
        } catch (RuntimeException e) {
            log.info("no GPU telemetry (GPU metrics absent): {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** Exercises the engine and the model once (JIT, kernel selection, buffers), then starts the model-load clock. */
    private void warmUp() {
        try {
            runner.run(new Work.Matmul(Math.min(128, settings.limits().maxN()), 1));
            Mlp model = runner.model();
            runner.run(new Work.Infer(new float[8 * model.inputWidth()], 8, model.inputWidth(), model.flopsPerRow()));
            Instant at = lifecycle.clock().instant();
            lifecycle.warmedUp(at, settings.modelLoadDelay());
            log.info(settings.modelLoadDelay().isZero() ? "warmed up: ready"
                    : "warmed up; ready after the model-load delay of " + settings.modelLoadDelay().toSeconds() + " s");
        } catch (RuntimeException e) {
            log.error("warm-up failed: the app stays not-ready", e);
        }
    }

    public int port() {
        return http.port();
    }

    public Lifecycle lifecycle() {
        return lifecycle;
    }

    public Engine engine() {
        return engine;
    }

    /**
     * SIGTERM: readiness false (still serving for the shutdown delay), then no new work, then the work in
     * hand finishes within the grace period, then everything stops.
     */
    public void shutdown() {
        if (stopped.getCount() == 0) {
            return;
        }
        try {
            lifecycle.startTerminating();
            log.info("stopping: not ready; serving {} s more, then draining for at most {} s",
                    settings.shutdownDelay().toSeconds(), settings.shutdownGrace().toSeconds());
            Thread.sleep(settings.shutdownDelay());
            lifecycle.startDraining();
            long deadline = System.nanoTime() + settings.shutdownGrace().toNanos();
            boolean jobsDone = worker == null || worker.drain(settings.shutdownGrace());
            boolean idle = gate.awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (!jobsDone || !idle) {
                log.warn("grace period over with work in hand: {} computing, {} waiting", gate.running(), gate.waiting());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    /** Blocks until {@link #shutdown()} or {@link #close()} has finished. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        try {
            http.stop();
            if (worker != null) {
                worker.close();
            }
            if (redis != null) {
                redis.close();
            }
            gate.close();
            engine.close();
            gpu.ifPresent(GpuTelemetry::close);
            log.info("stopped");
        } finally {
            stopped.countDown();
        }
    }
}
