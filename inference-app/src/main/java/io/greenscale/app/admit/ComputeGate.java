package io.greenscale.app.admit;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The only way work reaches the engine: {@code slots} platform threads (sized to the CPU budget, so
 * concurrent products do not thrash the cores) behind {@code maxWaiting} places in line. HTTP
 * {@linkplain #offer offers} work and is refused at once when every place is taken; the queue
 * worker {@linkplain #await awaits} a place, since its job is safe in Redis meanwhile.
 *
 * <p>Invariant: admitted = running + waiting ≤ slots + maxWaiting.
 */
public final class ComputeGate implements AutoCloseable {

    /** A result and how long it held a compute slot (pacing included), in nanoseconds. */
    public record Timed<T>(T value, long computeNanos) {
    }

    private final int slots;
    private final int maxWaiting;
    private final Semaphore places;
    private final ThreadPoolExecutor pool;
    private final AtomicInteger admitted = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final double serviceTimeScale;
    private final long minServiceNanos;
    private final Spread spread;
    private final Pacer pacer;
    private final LongSupplier nanoTime;

    /**
     * The factor each hold is multiplied by, drawn once per piece of work: how much a device's calls
     * vary. {@link #NONE} holds exactly the scaled (or minimum) time.
     */
    @FunctionalInterface
    public interface Spread {
        Spread NONE = () -> 1.0;

        double nextFactor();

        /**
         * A lognormal factor of mean 1 and coefficient of variation {@code cv} (σ² = ln(1 + cv²),
         * μ = −σ²/2), from {@code seed}; {@link #NONE} for {@code cv} = 0.
         */
        static Spread lognormal(double cv, long seed) {
            if (cv < 0 || !Double.isFinite(cv)) {
                throw new IllegalArgumentException("service-time cv must be ≥ 0, was " + cv);
            }
            if (cv == 0) {
                return NONE;
            }
            double sigma = Math.sqrt(Math.log1p(cv * cv));
            double mu = -sigma * sigma / 2;
            SplittableRandom random = new SplittableRandom(seed);
            return () -> {
                synchronized (random) {
                    return Math.exp(mu + sigma * random.nextGaussian());
                }
            };
        }
    }

    /**
     * @param serviceTimeScale ≥ 1: each piece of work holds its slot this many times as long as it computed
     * @param minServiceTime and at least this long (a device's fixed per-call latency)
     */
    public ComputeGate(int slots, int maxWaiting, double serviceTimeScale, Duration minServiceTime, Pacer pacer, LongSupplier nanoTime) {
        this(slots, maxWaiting, serviceTimeScale, minServiceTime, Spread.NONE, pacer, nanoTime);
    }

    /**
     * @param serviceTimeScale ≥ 1: each piece of work holds its slot this many times as long as it computed
     * @param minServiceTime and at least this long (a device's fixed per-call latency)
     * @param spread           then multiplied by this factor, so the emulated device's calls vary
     */
    public ComputeGate(int slots, int maxWaiting, double serviceTimeScale, Duration minServiceTime, Spread spread, Pacer pacer,
                       LongSupplier nanoTime) {
        this.slots = slots;
        this.maxWaiting = maxWaiting;
        this.places = new Semaphore(slots + maxWaiting, true);
        this.serviceTimeScale = serviceTimeScale;
        this.minServiceNanos = minServiceTime.toNanos();
        this.spread = spread;
        this.pacer = pacer;
        this.nanoTime = nanoTime;
        AtomicInteger ids = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(slots, slots, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> Thread.ofPlatform().name("compute-" + ids.incrementAndGet()).daemon(true).unstarted(r));
    }

    /** Runs {@code work} on a slot, or throws {@link Refused} (FULL) at once when there is no place. */
    public <T> Timed<T> offer(Supplier<T> work) {
        if (!places.tryAcquire()) {
            throw new Refused(Refused.Why.FULL, "all " + slots + " compute slots busy and " + maxWaiting + " requests waiting; retry later");
        }
        return runAdmitted(work);
    }

    /** Waits for a place, then runs {@code work} on a slot. */
    public <T> Timed<T> await(Supplier<T> work) throws InterruptedException {
        places.acquire();
        return runAdmitted(work);
    }

    private <T> Timed<T> runAdmitted(Supplier<T> work) {
        admitted.incrementAndGet();
        try {
            Future<Timed<T>> f = pool.submit(() -> timed(work));
            return getUninterruptibly(f);
        } finally {
            admitted.decrementAndGet();
            places.release();
        }
    }

    private <T> Timed<T> timed(Supplier<T> work) {
        running.incrementAndGet();
        try {
            long t0 = nanoTime.getAsLong();
            T value = work.get();
            long computed = nanoTime.getAsLong() - t0;
            long target = (long) (Math.max(serviceTimeScale * computed, minServiceNanos) * spread.nextFactor());
            if (target > computed) {
                pacer.hold(Duration.ofNanos(target - computed));
                return new Timed<>(value, target);
            }
            return new Timed<>(value, computed);
        } finally {
            running.decrementAndGet();
        }
    }

    /**
     * Work once admitted runs to the end even if its caller is interrupted (a client that hangs up,
     * a worker asked to stop): the slot is the engine's, and a half-done product helps nobody.
     */
    private static <T> T getUninterruptibly(Future<T> f) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Pieces of work on a slot now. */
    public int running() {
        return running.get();
    }

    /** Admitted pieces of work not yet on a slot. */
    public int waiting() {
        return Math.max(0, admitted.get() - running.get());
    }

    public int slots() {
        return slots;
    }

    /** Waits until nothing is admitted or {@code timeout} passes; true when idle. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (admitted.get() > 0) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(10); // a drain poll with a deadline, not logic timing
        }
        return true;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
