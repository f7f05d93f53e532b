package io.greenscale.daemon.signal;

import io.greenscale.policy.config.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One tick of the loop as every source sees it: the instant the loop read the clock, where
 * failures are counted, and a per-tick memo so that a request several targets need (one batched
 * PromQL query, one list of HPAs per namespace) is sent once per tick.
 *
 * <p>Every source call runs on its own (virtual) thread and is awaited with a deadline, so a
 * source that hangs past its own socket timeout cannot stall the tick. Each failed call is
 * counted exactly once, whether it failed by itself or ran out of time.
 */
public final class Tick {
    private final Instant now;
    private final FailureSink failures;
    private final Executor executor;
    private final Map<String, Flight<?>> shared = new ConcurrentHashMap<>();

    public Tick(Instant now, FailureSink failures, Executor executor) {
        this.now = Objects.requireNonNull(now, "now");
        this.failures = Objects.requireNonNull(failures, "failures");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    public Instant now() {
        return now;
    }

    /** A call that may throw a {@link SourceException}. */
    @FunctionalInterface
    public interface SourceCall<T> {
        T call() throws SourceException;
    }

    /** A call under way; {@link #get} waits until the deadline set when it was started. */
    @FunctionalInterface
    public interface Pending<T> {
        T get() throws SourceException;
    }

    /** Starts {@code call} now; its answer must come within {@code timeout}. */
    public <T> Pending<T> fork(SourceException.Source source, Duration timeout, String what, SourceCall<T> call) {
        return waiter(start(source, what, call), source, timeout, what);
    }

    /** Like {@link #fork}, but only the first caller with {@code key} in this tick sends the request; the rest share its answer. */
    @SuppressWarnings("unchecked")
    public <T> Pending<T> forkShared(String key, SourceException.Source source, Duration timeout, String what, SourceCall<T> call) {
        Flight<T> flight = (Flight<T>) shared.computeIfAbsent(key, k -> start(source, what, call));
        return waiter(flight, source, timeout, what);
    }

    public <T> T call(SourceException.Source source, Duration timeout, String what, SourceCall<T> call) throws SourceException {
        return fork(source, timeout, what, call).get();
    }

    public <T> T shared(String key, SourceException.Source source, Duration timeout, String what, SourceCall<T> call) throws SourceException {
        return forkShared(key, source, timeout, what, call).get();
    }

    /** Counts a failure found by reading an answer rather than by calling (an empty or NaN result, a failed write). */
    public void report(SourceException failure) {
        failures.failed(failure);
    }

    private <T> Flight<T> start(SourceException.Source source, String what, SourceCall<T> call) {
        Flight<T> flight = new Flight<>();
        executor.execute(() -> {
            try {
                flight.future.complete(call.call());
            } catch (SourceException e) {
                flight.fail(e);
            } catch (RuntimeException e) {
                flight.fail(new SourceException(source, SourceException.Kind.BAD_RESPONSE, what + " failed: " + e, e));
            }
        });
        return flight;
    }

    private <T> Pending<T> waiter(Flight<T> flight, SourceException.Source source, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        return () -> flight.await(source, deadline, timeout, what);
    }

    private final class Flight<T> {
        final CompletableFuture<T> future = new CompletableFuture<>();
        final AtomicBoolean counted = new AtomicBoolean();

        void fail(SourceException e) {
            if (counted.compareAndSet(false, true)) {
                failures.failed(e);
            }
            future.completeExceptionally(e);
        }

        T await(SourceException.Source source, long deadline, Duration timeout, String what) throws SourceException {
            try {
                return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SourceException s) {
                    throw s;
                }
                throw new SourceException(source, SourceException.Kind.BAD_RESPONSE, what + " failed: " + e.getCause(), e.getCause());
            } catch (TimeoutException e) {
                SourceException late = new SourceException(source, SourceException.Kind.TIMEOUT,
                        what + " got no answer within " + Durations.format(timeout));
                fail(late);
                throw late;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException(source, SourceException.Kind.TIMEOUT, what + " was interrupted (shutting down)");
            }
        }
    }
}
