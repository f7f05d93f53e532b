package io.greenscale.app.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenscale.app.admit.ComputeGate;
import io.greenscale.app.admit.Lifecycle;
import io.greenscale.app.metrics.AppMetrics;
import io.greenscale.app.work.WorkResult;
import io.greenscale.app.work.WorkRunner;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.args.ListDirection;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The reliable queue worker (docs/queue-protocol.md). {@code consumers} threads each take a job with
 * BLMOVE into this worker's processing list, compute it on the {@link ComputeGate}, then end it with
 * the {@link Acknowledger} (one MULTI/EXEC each). A crash at any point leaves the job in the processing list, from where a live worker
 * reclaims it: at-least-once, never lost.
 */
public final class QueueWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QueueWorker.class);
    private static final double TAKE_TIMEOUT_SECONDS = 1.0;

    /** Everything a worker needs; {@code consumers} is how many jobs it holds at once. */
    public record Config(QueueKeys keys, String workerId, int consumers, Duration heartbeat, Duration resultTtl) {
    }

    private final UnifiedJedis redis;
    private final Config config;
    private final JobParser parser;
    private final ComputeGate gate;
    private final WorkRunner runner;
    private final Lifecycle lifecycle;
    private final AppMetrics metrics;
    private final InstantSource clock;
    private final Liveness liveness;
    private final ResultWriter results;
    private final Acknowledger acks;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("queue-liveness").daemon(true).unstarted(r));
    private final List<Thread> consumers = new ArrayList<>();
    private final AtomicInteger inHand = new AtomicInteger();
    private volatile boolean taking = true;
    private volatile boolean recoveredOwn;

    public QueueWorker(UnifiedJedis redis, Config config, ObjectMapper json, JobParser parser, ComputeGate gate,
                       WorkRunner runner, Lifecycle lifecycle, AppMetrics metrics) {
        this.redis = redis;
        this.config = config;
        this.parser = parser;
        this.gate = gate;
        this.runner = runner;
        this.lifecycle = lifecycle;
        this.metrics = metrics;
        this.clock = lifecycle.clock();
        this.liveness = new Liveness(redis, config.keys(), config.workerId(), config.heartbeat(), clock);
        this.results = new ResultWriter(json, config.workerId(), runner.engine().kind().label(), runner.engine().device());
        this.acks = new Acknowledger(redis, config.keys(), config.workerId(), config.resultTtl(), results, metrics, clock,
                () -> !taking && Thread.currentThread().isInterrupted());
    }

    /**
     * Registers, takes back what an earlier life of this worker id left in its processing list, starts
     * consuming. Redis being unreachable is not fatal: registration is retried every heartbeat and the
     * consumers back off until it answers.
     */
    public void start() {
        register();
        long periodMs = config.heartbeat().toMillis();
        scheduler.scheduleWithFixedDelay(this::tick, periodMs, periodMs, TimeUnit.MILLISECONDS);
        for (int i = 0; i < config.consumers(); i++) {
            consumers.add(Thread.ofVirtual().name("queue-consumer-" + i).start(this::consume));
        }
        log.info("worker {} consuming {} with {} consumer(s), heartbeat {} ms", config.workerId(), config.keys().pending(),
                config.consumers(), periodMs);
    }

    private void register() {
        try {
            liveness.beat();
            if (!recoveredOwn) {
                int own = liveness.moveBack(config.workerId());
                recoveredOwn = true;
                if (own > 0) {
                    log.info("moved {} job(s) left by an earlier run of worker {} back to the queue", own, config.workerId());
                    metrics.jobs(AppMetrics.Outcome.RECLAIMED, own);
                }
            }
        } catch (JedisException e) {
            log.warn("cannot register with Redis yet, retrying next period: {}", e.getMessage());
        }
    }

    private void tick() {
        register();
        try {
            for (Liveness.Reclaimed r : liveness.reclaimDead()) {
                log.info("worker {} has no heartbeat: moved its {} job(s) back to the queue", r.worker(), r.jobs());
                metrics.jobs(AppMetrics.Outcome.RECLAIMED, r.jobs());
            }
        } catch (JedisException e) {
            log.warn("reclaiming failed, retrying next period: {}", e.getMessage());
        }
    }

    private void consume() {
        while (taking) {
            if (!lifecycle.ready() || !recoveredOwn) { // taking before recovery could hand our own jobs back mid-computation
                pause(Duration.ofMillis(100));
                continue;
            }
            String raw;
            try {
                raw = redis.blmove(config.keys().pending(), config.keys().processing(config.workerId()),
                        ListDirection.RIGHT, ListDirection.LEFT, TAKE_TIMEOUT_SECONDS);
            } catch (JedisException e) {
                if (!taking) {
                    break; // closing interrupted the blocking take; close() gives back anything it moved
                }
                log.warn("taking a job failed, retrying in 1 s: {}", e.getMessage());
                pause(Duration.ofSeconds(1));
                continue;
            }
            if (raw != null) {
                inHand.incrementAndGet();
                try {
                    handle(raw);
                } finally {
                    inHand.decrementAndGet();
                }
            }
        }
    }

    private void handle(String raw) {
        long startedAt = clock.millis();
        Job job;
        try {
            job = parser.parse(raw);
        } catch (MalformedJob e) {
            acks.deadLetter(raw, e.getMessage(), AppMetrics.Outcome.DEAD_LETTERED);
            return;
        }
        ComputeGate.Timed<WorkResult> r;
        try {
            r = gate.await(() -> runner.run(job.work()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // still in the processing list: given back at close, or reclaimed
        } catch (RuntimeException e) {
            acks.deadLetter(raw, "compute failed: " + e.getMessage(), AppMetrics.Outcome.FAILED);
            return;
        }
        long completedAt = clock.millis();
        String result = results.write(job, r.value(), r.computeNanos(), startedAt, completedAt);
        if (acks.complete(job, result)) {
            Optional<Double> latency = job.enqueuedAtMs().isPresent()
                    ? Optional.of((completedAt - job.enqueuedAtMs().getAsLong()) / 1000.0) : Optional.empty();
            metrics.jobCompleted((completedAt - startedAt) / 1000.0, latency);
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d); // consumer back-off against Redis, not logic timing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Jobs taken and not yet acknowledged or dead-lettered. */
    public int inHand() {
        return inHand.get();
    }

    /** Stops taking jobs and waits up to {@code grace} for the ones in hand; true when all finished. */
    public boolean drain(Duration grace) throws InterruptedException {
        taking = false;
        long deadlineNanos = System.nanoTime() + grace.toNanos();
        for (Thread c : consumers) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0 || !c.join(Duration.ofNanos(left))) {
                return false;
            }
        }
        return true;
    }

    /** Gives back whatever is still in hand (so it is taken next, not after a heartbeat expiry), then unregisters. */
    @Override
    public void close() {
        taking = false;
        consumers.forEach(Thread::interrupt);
        scheduler.shutdownNow();
        try {
            int left = liveness.moveBack(config.workerId());
            if (left > 0) {
                log.warn("gave {} unfinished job(s) back to the queue", left);
            }
            liveness.leave();
        } catch (JedisException e) {
            log.warn("could not unregister cleanly ({}); other workers will reclaim after the heartbeat expires", e.getMessage());
        }
    }
}
