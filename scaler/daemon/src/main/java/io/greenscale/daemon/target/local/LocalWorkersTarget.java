package io.greenscale.daemon.target.local;

import io.greenscale.daemon.config.LocalSpec;
import io.greenscale.daemon.config.QueueSpec;
import io.greenscale.daemon.config.RedisConnection;
import io.greenscale.daemon.config.TargetConfig;
import io.greenscale.daemon.signal.PodUsage;
import io.greenscale.daemon.signal.Tick;
import io.greenscale.daemon.target.Observation;
import io.greenscale.daemon.target.ScaleTarget;
import io.greenscale.daemon.target.WriteResult;
import io.kubernetes.client.openapi.models.V1Pod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scale target whose replicas are inference-app worker processes on this machine, for end-to-end
 * experiments without Kubernetes. It behaves like a Deployment with its ReplicaSet and kubelet:
 * scaling up spawns workers (each with its own id, port and the configured cold start), a worker
 * is ready when its {@code /readyz} says so, scaling down stops the workers the ReplicaSet would
 * ({@link Victims}: idle first under busy-aware scale-down) with SIGTERM and SIGKILL after the
 * grace, a worker that dies unasked is replaced (with back-off), CPU is sampled per process like
 * metrics-server ({@link UsageWindow}), and Prometheus finds the workers through a file_sd file.
 *
 * <p>Every process is reaped, and none outlives the target: {@link #close} (the daemon's shutdown,
 * also run from a JVM shutdown hook) stops them all, gracefully and then by force.
 */
public final class LocalWorkersTarget implements ScaleTarget, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalWorkersTarget.class);
    private static final Duration PROBE_PERIOD = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final LocalSpec spec;
    private final String namespace;
    private final RedisConnection redis;
    private final String queue;
    private final InstantSource clock;
    private final Readiness readiness;
    private final CpuTime cpu;
    private final WorkerEvents events;
    private final FileSd fileSd;
    private final Spawner spawner;
    private final ReentrantLock lock = new ReentrantLock();
    /** Workers whose process has not been reaped yet, in creation order. */
    private final Map<String, Worker> live = new LinkedHashMap<>();
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("local-workers").daemon(true).unstarted(r));
    private final Thread shutdownHook = new Thread(this::close, "stop-local-workers");
    private int specReplicas;
    private long version;
    private boolean closed;
    private Instant nextSpawn = Instant.MIN;
    private Duration backoff = Duration.ZERO;
    private Instant nextCpuRead;
    private boolean warnedCap;

    /** The target a {@code local:} section describes; its queue's Redis is the workers' Redis. */
    public static LocalWorkersTarget of(TargetConfig target, InstantSource clock) {
        if (!(target.queue() instanceof QueueSpec.RedisList list)) {
            throw new IllegalArgumentException(target.id() + ": a local target needs a Redis list queue");
        }
        return new LocalWorkersTarget(target.local(), target.ref().namespace(), list.redis(), list.name(), clock,
                Readiness.http(), CpuTime.system(), Spawner.processes());
    }

    LocalWorkersTarget(LocalSpec spec, String namespace, RedisConnection redis, String queue, InstantSource clock,
                       Readiness readiness, CpuTime cpu, Spawner spawner) {
        this.spec = spec;
        this.namespace = namespace;
        this.redis = redis;
        this.queue = queue;
        this.clock = clock;
        this.readiness = readiness;
        this.cpu = cpu;
        this.spawner = spawner;
        this.fileSd = spec.fileSd() == null ? null : new FileSd(spec.fileSd());
        try {
            this.events = WorkerEvents.open(spec.eventLog());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the worker event log " + spec.eventLog(), e);
        }
    }

    /** Starts the initial workers and the monitor (readiness, exits, grace deadlines, CPU, file_sd) every second. */
    public LocalWorkersTarget start() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        lock.lock();
        try {
            Instant now = clock.instant();
            nextCpuRead = now;
            specReplicas = spec.initialReplicas();
            events.write(now, "scale", "from", 0, "to", specReplicas, "reason", "initial");
            reconcile(now);
        } finally {
            lock.unlock();
        }
        LOG.info("local workers of {}: {} to start, at most {} (this machine's bound), cold start {}, logs in {}", spec.name(),
                spec.initialReplicas(), spec.maxWorkers(), spec.coldStart(), spec.logDir());
        monitor.scheduleWithFixedDelay(this::monitorSafely, PROBE_PERIOD.toMillis(), PROBE_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public Observation observe(Tick tick) {
        lock.lock();
        try {
            int existing = (int) live.values().stream().filter(w -> !w.terminating()).count();
            return new Observation(specReplicas, existing, PodView.selector(spec.name()), Long.toString(version), false, null);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public WriteResult scale(Observation seen, int desired, Map<String, Integer> deletionCosts, Tick tick) {
        lock.lock();
        try {
            if (closed) {
                return new WriteResult.Withheld("the local workers are shutting down");
            }
            deletionCosts.forEach((id, cost) -> {
                Worker w = live.get(id);
                if (w != null) {
                    w.deletionCost = cost;
                }
            });
            int wanted = Math.min(desired, spec.maxWorkers());
            if (wanted < desired && !warnedCap) {
                warnedCap = true;
                LOG.warn("{}: asked for {} workers; this machine holds at most {} (local.maxWorkers), so {} it is", spec.name(),
                        desired, spec.maxWorkers(), wanted);
            }
            if (wanted == specReplicas) {
                return new WriteResult.Unchanged();
            }
            int from = specReplicas;
            specReplicas = wanted;
            version++;
            Instant now = clock.instant();
            events.write(now, "scale", "from", from, "to", wanted, "desired", desired, "decided_at", tick.now().toString());
            reconcile(now);
            return new WriteResult.Applied(from, wanted);
        } finally {
            lock.unlock();
        }
    }

    /** The workers as pods, for the daemon's pod pipeline (the {@code PodLister} of this target). */
    public List<V1Pod> pods() {
        return views().stream().map(w -> PodView.of(w, namespace, spec.name(), spec.cpuRequestMilli())).toList();
    }

    /** Each worker's latest metrics-server-like CPU sample, by worker id (the {@code UsageLister} of this target). */
    public Map<String, PodUsage> usage() {
        lock.lock();
        try {
            Map<String, PodUsage> out = new LinkedHashMap<>();
            live.values().forEach(w -> {
                if (w.usage.sample() != null) {
                    out.put(w.id, w.usage.sample());
                }
            });
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** The workers not yet reaped, in creation order. */
    public List<WorkerView> views() {
        lock.lock();
        try {
            return live.values().stream().map(Worker::view).toList();
        } finally {
            lock.unlock();
        }
    }

    private void monitorSafely() {
        try {
            monitorOnce();
        } catch (RuntimeException e) {
            LOG.error("{}: the worker monitor failed; it runs again in {}", spec.name(), PROBE_PERIOD, e);
        }
    }

    /** One pass of the monitor; tests call it by hand. */
    void monitorOnce() {
        List<Worker> probe;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            Instant now = clock.instant();
            reap(now);
            killOverdue(now);
            reconcile(now);
            probe = live.values().stream().filter(w -> !w.terminating()).toList();
        } finally {
            lock.unlock();
        }
        Map<Worker, Boolean> answers = probeAll(probe);
        lock.lock();
        try {
            if (closed) {
                return;
            }
            Instant now = clock.instant();
            answers.forEach((w, ready) -> readinessChanged(w, ready, now));
            readCpu(now);
            writeFileSd();
        } finally {
            lock.unlock();
        }
    }

    private Map<Worker, Boolean> probeAll(List<Worker> workers) {
        Map<Worker, Boolean> out = new java.util.concurrent.ConcurrentHashMap<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Worker w : workers) {
                executor.submit(() -> out.put(w, readiness.ready(w.port)));
            }
        }
        return out;
    }

    private void readinessChanged(Worker w, boolean ready, Instant now) {
        if (!live.containsKey(w.id) || w.terminating()) {
            return;
        }
        if (ready && w.readySince == null) {
            w.readySince = now;
            backoff = Duration.ZERO;
            events.write(now, "ready", "worker", w.id, "pid", w.process.pid(), "after_s", seconds(w.spawnedAt, now));
        } else if (!ready && w.readySince != null) {
            w.readySince = null;
            events.write(now, "unready", "worker", w.id, "pid", w.process.pid());
        }
    }

    /** Reaps exited workers; one that exited unasked is replaced after a back-off, as a crash-looping pod is restarted. */
    private void reap(Instant now) {
        var it = live.values().iterator();
        while (it.hasNext()) {
            Worker w = it.next();
            if (w.process.isAlive()) {
                continue;
            }
            it.remove();
            int code = w.process.exitValue();
            boolean asked = w.terminating();
            events.write(now, "exit", "worker", w.id, "pid", w.process.pid(), "exit_code", code, "asked", asked);
            if (!asked) {
                backoff = backoff.isZero() ? Duration.ofSeconds(1) : min(backoff.multipliedBy(2), MAX_BACKOFF);
                nextSpawn = now.plus(backoff);
                LOG.warn("{}: worker {} exited unasked with status {}; replacing it in {} (its log: {})", spec.name(), w.id, code,
                        backoff, spawner.logFile(spec, w.id));
            }
        }
    }

    private void killOverdue(Instant now) {
        for (Worker w : live.values()) {
            if (w.terminating() && !w.killed && !now.isBefore(w.terminatingAt.plus(spec.terminationGrace()))) {
                w.kill();
                events.write(now, "kill", "worker", w.id, "pid", w.process.pid());
                LOG.warn("{}: worker {} did not exit within the {} grace; killed", spec.name(), w.id, spec.terminationGrace());
            }
        }
    }

    /** Spawns or stops workers until as many are running (not stopping) as the spec asks. */
    private void reconcile(Instant now) {
        List<Worker> active = live.values().stream().filter(w -> !w.terminating()).toList();
        int missing = specReplicas - active.size();
        if (missing > 0 && !now.isBefore(nextSpawn)) {
            for (int i = 0; i < missing; i++) {
                spawn(now);
            }
        } else if (missing < 0) {
            for (WorkerView v : Victims.choose(active.stream().map(Worker::view).toList(), -missing)) {
                Worker w = live.get(v.id());
                w.terminatingAt = now;
                w.terminate();
                events.write(now, "terminate", "worker", w.id, "pid", w.process.pid(), "ready", v.ready(), "cost", v.deletionCost());
            }
        }
    }

    private void spawn(Instant now) {
        try {
            Worker w = spawner.spawn(spec, redis, queue, now);
            live.put(w.id, w);
            events.write(now, "spawn", "worker", w.id, "pid", w.process.pid(), "port", w.port);
        } catch (IOException e) {
            backoff = backoff.isZero() ? Duration.ofSeconds(1) : min(backoff.multipliedBy(2), MAX_BACKOFF);
            nextSpawn = now.plus(backoff);
            events.write(now, "spawn_failed", "reason", e.getMessage());
            LOG.error("{}: cannot start a worker ({}); trying again in {}", spec.name(), e.getMessage(), backoff);
        }
    }

    private void readCpu(Instant now) {
        if (now.isBefore(nextCpuRead)) {
            return;
        }
        for (Worker w : live.values()) {
            Duration total = cpuOf(w.process.toHandle());
            if (total != null) {
                w.usage.read(total, now);
            }
        }
        while (!nextCpuRead.isAfter(now)) {
            nextCpuRead = nextCpuRead.plus(spec.metricsResolution());
        }
    }

    /** A container's usage is every process in it: the worker and anything it started. */
    private Duration cpuOf(ProcessHandle process) {
        Duration total = cpu.of(process);
        if (total == null) {
            return null;
        }
        for (ProcessHandle child : process.descendants().toList()) {
            Duration c = cpu.of(child);
            if (c != null) {
                total = total.plus(c);
            }
        }
        return total;
    }

    private void writeFileSd() {
        if (fileSd == null) {
            return;
        }
        try {
            fileSd.write(FileSd.groups(live.values().stream().map(Worker::view).toList(), namespace, spec.name()));
        } catch (IOException e) {
            LOG.warn("{}: cannot write the Prometheus file_sd file {}: {}", spec.name(), spec.fileSd(), e.getMessage());
        }
    }

    /**
     * Stops every worker: SIGTERM, SIGKILL to those still running after the grace, then waits for
     * each exit. Idempotent; the daemon's shutdown calls it, and so does a JVM shutdown hook.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            Instant now = clock.instant();
            events.write(now, "scale", "from", specReplicas, "to", 0, "reason", "shutdown");
            specReplicas = 0;
            for (Worker w : live.values()) {
                if (!w.terminating()) {
                    w.terminatingAt = now;
                    w.terminate();
                    events.write(now, "terminate", "worker", w.id, "pid", w.process.pid(), "ready", w.readySince != null, "cost", w.deletionCost);
                }
            }
        } finally {
            lock.unlock();
        }
        monitor.shutdownNow();
        awaitExits();
        lock.lock();
        try {
            reap(clock.instant());
            if (fileSd != null) {
                try {
                    fileSd.write(List.of());
                } catch (IOException e) {
                    LOG.warn("{}: cannot empty the file_sd file {}: {}", spec.name(), spec.fileSd(), e.getMessage());
                }
            }
            events.close();
        } finally {
            lock.unlock();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException shuttingDownOrNeverStarted) {
            // the hook is this call, or start() never ran
        }
    }

    /** Waits for every worker to exit: each gets the rest of its grace, then SIGKILL. */
    private void awaitExits() {
        List<Worker> waiting;
        lock.lock();
        try {
            waiting = new ArrayList<>(live.values());
        } finally {
            lock.unlock();
        }
        for (Worker w : waiting) {
            Duration left = Duration.between(clock.instant(), w.terminatingAt.plus(spec.terminationGrace()));
            try {
                if (!w.process.waitFor(Math.max(0, left.toMillis()), TimeUnit.MILLISECONDS)) {
                    lock.lock();
                    try {
                        w.kill();
                        events.write(clock.instant(), "kill", "worker", w.id, "pid", w.process.pid());
                    } finally {
                        lock.unlock();
                    }
                    w.process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                w.kill();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
