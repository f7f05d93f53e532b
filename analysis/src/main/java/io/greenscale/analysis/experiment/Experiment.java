package io.greenscale.analysis.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.greenscale.loadgen.drive.BodyTemplate;
import io.greenscale.loadgen.drive.LoadRun;
import io.greenscale.loadgen.drive.RedisQueueTarget;
import io.greenscale.loadgen.drive.TargetUnreachableException;
import io.greenscale.loadgen.profile.ArrivalStream;
import io.greenscale.loadgen.profile.Arrivals;
import io.greenscale.loadgen.record.RunDirectory;
import io.greenscale.loadgen.record.RunInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One experiment end to end on this machine: Redis and Prometheus, the real scaler as a child
 * process with a local target whose replicas are inference-app worker processes, the load
 * generator driving the queue, a per-second sampler — and, once the workload has run and the
 * workers have drained, one run directory ({@link RunFiles}). Everything it starts is stopped when
 * it ends, fails or is interrupted ({@link Cleanup}), and it says what, if anything, outlived it.
 */
public final class Experiment {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
    /** The scaler JVM: a small heap and C1 only, so it leaves the cores to the workers' starts. */
    static final String SCALER_JAVA_OPTIONS = "-Xmx160m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto";

    /**
     * @param leftRunning pids of processes the experiment started that were still alive after it stopped them (none, normally)
     */
    public record Result(Path dir, RunFiles.Written files, long scalerPid, List<Long> workerPids, List<Long> leftRunning) {}

    private Experiment() {}

    public static Result run(ExperimentPlan plan, Launcher launcher, PrintStream out) throws InterruptedException {
        RunDirectory dir = RunDirectory.create(plan.out());
        Path scalerDir = mkdirs(dir.path().resolve("scaler"));
        Path workersDir = mkdirs(dir.path().resolve("workers"));
        ScalerConfig.Paths paths = new ScalerConfig.Paths(scalerDir.resolve("decisions.jsonl"), workersDir.resolve("events.jsonl"),
                workersDir.resolve("logs"), null);
        long scalerPid = -1;
        RunFiles.Written written;
        try (Cleanup cleanup = new Cleanup()) {
            Servers servers = cleanup.add(Servers.start(plan, scalerDir, Instant.now()));
            Servers.Endpoints endpoints = servers.endpoints();
            out.printf("  redis      %s%s, queue %s%n", endpoints.redis(), endpoints.ownRedis() ? " (started here, " + endpoints.redisVersion() + ")" : "",
                    endpoints.queue());
            out.printf("  prometheus %s%s%n", endpoints.prometheus(), endpoints.ownPrometheus()
                    ? " (started here, scraping the workers every " + plan.metrics().scrapeInterval().toSeconds() + " s through file_sd)"
                    : "; add to its scrape_configs: file_sd_configs: [{files: [" + endpoints.fileSd() + "]}]");
            paths = new ScalerConfig.Paths(paths.decisions(), paths.events(), paths.workerLogs(), endpoints.fileSd());
            int metricsPort = freePort();
            Path config = scalerDir.resolve("scaler.yaml");
            writeYaml(config, ScalerConfig.of(plan, endpoints, metricsPort, launcher.command("app"), paths));
            Duration stopWithin = plan.worker().terminationGrace().plusSeconds(40);
            ScalerProcess scaler = ScalerProcess.start(launcher, config, scalerDir.resolve("scaler.log"), metricsPort,
                    SCALER_JAVA_OPTIONS, stopWithin);
            scalerPid = scaler.pid();
            Path events = paths.events();
            cleanup.addStep(() -> stop(scaler, events));
            out.printf("  scaler     pid %d, metrics on 127.0.0.1:%d, log %s%n", scaler.pid(), metricsPort, scaler.log());
            Readiness.await(plan, scaler, events, out);

            RedisQueueTarget target = cleanup.add(new RedisQueueTarget(endpoints.redis().getHost(), endpoints.redis().getPort(),
                    endpoints.queue(), plan.jobTimeout(), InstantSource.system()));
            probe(target);
            Instant start = TickPhase.start(TickPhase.lastTick(paths.decisions()), plan.syncPeriod(), Instant.now(), Duration.ofMillis(300));
            sleepUntil(start);
            RunInfo info = ExperimentInfo.of(plan, endpoints, start).target(target.describe());
            dir.writeRunInfo(info);
            Progress progress = new Progress(out, events);
            Sampler sampler = cleanup.add(new Sampler(servers::connect, endpoints.queue(), events, start, progress::sample).startSampling());
            out.printf("load: %s for %s (%s)%n", plan.source().scenarioName(), human(plan.duration()), dir.path());
            LoadRun.Result load = drive(plan, target, dir.path().resolve("loadgen"), start, scaler);
            sampler.close();
            target.close();
            out.println("load done; stopping the scaler, which drains its workers (each within " + human(plan.worker().terminationGrace()) + ")");
            stop(scaler, events);
            try (var jedis = servers.connect()) {
                JobLedger ledger = JobLedger.take(jedis, endpoints.queue(), String.valueOf(target.describe().get("job_id_prefix")),
                        load.summary().requests().intended());
                written = RunFiles.write(dir, plan, info, start, sampler.samples(), new ReplicaTimeline(WorkerEvent.read(events)), ledger,
                        paths.decisions());
            }
        }
        List<Long> workers = List.copyOf(new ReplicaTimeline(WorkerEvent.read(paths.events())).pids().values());
        List<Long> left = new java.util.ArrayList<>();
        if (ProcessHandle.of(scalerPid).map(ProcessHandle::isAlive).orElse(false)) {
            left.add(scalerPid);
        }
        workers.stream().filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).forEach(left::add);
        return new Result(dir.path(), written, scalerPid, workers, left);
    }

    /**
     * The load generator in its own thread, so that an interrupt, or a scaler that dies under way,
     * stops the experiment without waiting for the generator's drain.
     */
    private static LoadRun.Result drive(ExperimentPlan plan, RedisQueueTarget target, Path loadgenDir, Instant start, ScalerProcess scaler)
            throws InterruptedException {
        ArrivalStream arrivals = plan.workload().arrivals(plan.seed());
        if (plan.duration().compareTo(plan.workload().duration()) < 0) {
            arrivals = Arrivals.until(arrivals, plan.duration());
        }
        LoadRun.Open open = new LoadRun.Open(arrivals, plan.duration(), BodyTemplate.parse(plan.job(), List.of(), true));
        RunDirectory dir = RunDirectory.create(loadgenDir);
        RunInfo info = RunInfo.of(RunInfo.Kind.LOADGEN, start).seed(plan.seed()).workload(plan.workload().spec()).target(target.describe());
        FutureTask<LoadRun.Result> task = new FutureTask<>(() -> LoadRun.execute(open, target,
                new LoadRun.Limits(Integer.MAX_VALUE, 1_000_000, plan.jobTimeout(), plan.drain()), dir, info, null, InstantSource.system()));
        Thread thread = Thread.ofPlatform().daemon().name("experiment-load").start(task);
        try {
            while (true) {
                try {
                    return task.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException stillRunning) {
                    if (!scaler.isAlive()) {
                        stop(thread);
                        throw new IllegalStateException("the scaler exited during the run (status " + scaler.exitCode()
                                + "); its workers are being stopped. The end of its log:\n" + scaler.logTail(30));
                    }
                }
            }
        } catch (InterruptedException e) {
            stop(thread);
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the load generator failed: " + e.getCause(), e.getCause());
        }
    }

    /** Interrupts the load generator and waits a little for it, so that it is gone before the servers it uses. */
    private static void stop(Thread load) {
        load.interrupt();
        try {
            load.join(Duration.ofSeconds(5));
        } catch (InterruptedException again) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepUntil(Instant at) throws InterruptedException {
        long millis = Duration.between(Instant.now(), at).toMillis();
        if (millis > 0) {
            Thread.sleep(millis); // waiting for the scaler's tick phase, not test logic
        }
    }

    private static void probe(RedisQueueTarget target) {
        try {
            target.probe();
        } catch (TargetUnreachableException e) {
            throw new IllegalStateException("the load generator cannot reach the queue: " + e.getMessage(), e);
        }
    }

    /** Stops the scaler (which drains its workers), then kills any worker still running: nothing outlives the experiment. */
    static void stop(ScalerProcess scaler, Path events) {
        scaler.close();
        for (long pid : new ReplicaTimeline(WorkerEvent.read(events)).unexitedPids()) {
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(h -> {
                h.descendants().forEach(ProcessHandle::destroyForcibly);
                h.destroyForcibly();
                h.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).exceptionally(t -> null).join();
            });
        }
    }

    private static void writeYaml(Path file, Object value) {
        try {
            YAML.writeValue(file.toFile(), value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    static String human(Duration d) {
        return io.greenscale.policy.config.Durations.format(d);
    }
}
