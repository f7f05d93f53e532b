package io.greenscale.daemon.loop;

import io.greenscale.daemon.lead.Leadership;
import io.greenscale.daemon.observe.Health;
import io.greenscale.daemon.observe.ScalerMetrics;
import io.greenscale.daemon.signal.Tick;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control loop: reads the clock once per tick, runs every due target concurrently (one
 * virtual thread each), waits for all of them, then sleeps until the next tick.
 *
 * <p>Shutdown never interrupts a tick: {@link #stop} lets the tick in progress finish its writes
 * (bounded by the grace period), then the loop ends, so no decision is left half applied.
 */
public final class ControlLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControlLoop.class);

    private final List<TargetRunner> runners;
    private final Leadership leadership;
    private final ScalerMetrics metrics;
    private final Health health;
    private final InstantSource clock;
    private final Duration tick;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ReentrantLock ticking = new ReentrantLock();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Thread thread;

    ControlLoop(List<TargetRunner> runners, Leadership leadership, ScalerMetrics metrics, Health health, InstantSource clock, Duration tick) {
        this.runners = List.copyOf(runners);
        this.leadership = leadership;
        this.metrics = metrics;
        this.health = health;
        this.clock = clock;
        this.tick = tick;
    }

    /** Runs one tick at {@code now} over every target that is due, and returns when all are done. */
    public void tick(Instant now) {
        ticking.lock();
        try {
            long started = System.nanoTime();
            boolean leader = leadership.isLeader();
            metrics.leader(leader);
            Tick current = new Tick(now, metrics, executor);
            List<Future<?>> running = new ArrayList<>();
            for (TargetRunner runner : runners) {
                if (runner.isDue(now)) {
                    running.add(executor.submit(() -> runSafely(runner, current, leader)));
                }
            }
            for (Future<?> f : running) {
                awaitUninterruptibly(f);
            }
            metrics.tick(Duration.ofNanos(System.nanoTime() - started));
            health.ticked(now);
        } finally {
            ticking.unlock();
        }
    }

    private static void runSafely(TargetRunner runner, Tick tick, boolean leader) {
        try {
            runner.run(tick, leader);
        } catch (RuntimeException e) {
            // A bug in one target's tick must not stop the others or the loop.
            LOG.error("{}: the tick failed unexpectedly; the loop goes on", runner.config().id(), e);
        }
    }

    /** A tick in progress is finished even when shutdown interrupts the loop's thread. */
    private static void awaitUninterruptibly(Future<?> f) {
        boolean interrupted = false;
        while (true) {
            try {
                f.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (java.util.concurrent.ExecutionException e) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ticks on a platform thread every {@code tick}, aligned to the first tick, until {@link #stop}. */
    public void start() {
        thread = Thread.ofPlatform().name("control-loop").start(() -> {
            Instant next = clock.instant();
            try {
                while (stopRequested.getCount() > 0) {
                    Instant now = clock.instant();
                    tick(now);
                    next = next.plus(tick);
                    Instant after = clock.instant();
                    if (next.isBefore(after)) {
                        LOG.warn("a tick took longer than the tick interval {}; skipping to now", io.greenscale.policy.config.Durations.format(tick));
                        next = after;
                    }
                    if (stopRequested.await(Duration.between(after, next).toNanos(), TimeUnit.NANOSECONDS)) {
                        break;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                stopped.countDown();
            }
        });
    }

    /**
     * Stops after the tick in progress, waiting at most {@code grace} for it.
     *
     * @return true when the loop ended within the grace period
     */
    public boolean stop(Duration grace) {
        health.stopping();
        stopRequested.countDown();
        if (thread == null) {
            return true;
        }
        try {
            return stopped.await(grace.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        stop(Duration.ZERO);
        executor.shutdownNow();
    }
}
