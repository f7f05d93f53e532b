package io.greenscale.loadgen.drive;

import io.greenscale.loadgen.profile.ArrivalStream;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Sends requests at their scheduled times, whatever the target does (open loop, as wrk2 and
 * k6's arrival-rate executors do). A request that finds every connection busy waits in the
 * generator's own FIFO queue, its wait counted in its latency; past {@code maxQueued} it is
 * dropped and counted. Nothing is skipped: a request sent late is still sent, and its lateness
 * is recorded as scheduling error.
 */
final class OpenLoop {
    private final Target target;
    private final Meter meter;
    private final Semaphore connections;
    private final long maxQueued;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private final Queue<Request> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong queued = new AtomicLong();
    private volatile boolean closed;

    /** @param startNanos the {@code nanoTime} at which the schedule's time 0 lies */
    OpenLoop(Target target, Meter meter, int maxInFlight, long maxQueued, LongSupplier nanoTime, long startNanos) {
        this.target = target;
        this.meter = meter;
        this.connections = new Semaphore(maxInFlight);
        this.maxQueued = maxQueued;
        this.nanoTime = nanoTime;
        this.startNanos = startNanos;
    }

    /** Runs the whole schedule on the calling thread; returns when the last arrival was dispatched. */
    void run(ArrivalStream arrivals, BodyTemplate body, BooleanSupplier cancelled) {
        long seq = 0;
        while (!cancelled.getAsBoolean() && arrivals.next()) {
            long at = arrivals.atNanos();
            meter.intended(at);
            // Rendered before waiting, so the work happens in the slack before the send time.
            Request r = new Request(seq, at, body == null ? null : body.render(arrivals, seq));
            seq++;
            long now = now();
            while (at > now) {
                LockSupport.parkNanos(at - now);
                now = now();
            }
            dispatch(r);
        }
    }

    long now() {
        return nanoTime.getAsLong() - startNanos;
    }

    private void dispatch(Request r) {
        if (queued.get() == 0 && connections.tryAcquire()) {
            send(r);
            return;
        }
        if (queued.get() >= maxQueued) {
            meter.dropped(r.intendedNanos());
            return;
        }
        queued.incrementAndGet();
        queue.add(r);
        // A completion may have freed a connection between the tryAcquire above and the add.
        sendQueued();
    }

    private void sendQueued() {
        while (!queue.isEmpty() && connections.tryAcquire()) {
            Request r = queue.poll();
            if (r == null) {
                connections.release();
                return;
            }
            queued.decrementAndGet();
            send(r);
        }
    }

    private void send(Request r) {
        long sentAt = now();
        meter.sent(r.intendedNanos(), sentAt);
        target.send(r).thenAccept(outcome -> {
            if (!closed) {
                meter.finished(r, sentAt, now(), outcome);
            }
            connections.release();
            if (!closed) {
                sendQueued();
            }
        });
    }

    long queued() {
        return queued.get();
    }

    /**
     * Waits (polling every 10 ms) until nothing is queued or in flight, or until
     * {@code deadlineNanos} (run time). What is left then is counted: queued requests as dropped,
     * requests still in flight as errors of kind {@code unfinished}.
     */
    void drain(long deadlineNanos) {
        while (now() < deadlineNanos && (queued.get() > 0 || meter.inFlight() > 0)) {
            LockSupport.parkNanos(10_000_000L);
        }
        closed = true;
        Request r;
        while ((r = queue.poll()) != null) {
            queued.decrementAndGet();
            meter.dropped(r.intendedNanos());
        }
        meter.abandonInFlight(now());
    }
}
