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
 *
 * <p>The schedule is paced by {@link Pacer}: on the target's own I/O thread where it has one
 * (sends and completions then need no hand-off between threads), else on the calling thread.
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

    /**
     * Runs the whole schedule; returns when the last arrival was dispatched, or soon after the
     * calling thread is interrupted (its interrupt flag stays set).
     */
    void run(ArrivalStream arrivals, BodyTemplate body, BooleanSupplier cancelled) {
        Schedule schedule = new Schedule(arrivals, body);
        target.eventLoop().ifPresentOrElse(
                loop -> Pacer.onLoop(loop, schedule::sendDue, this::now),
                () -> Pacer.onThisThread(schedule::sendDue, this::now, cancelled));
    }

    long now() {
        return nanoTime.getAsLong() - startNanos;
    }

    /** The arrivals as requests, in order; {@link #sendDue} hands out everything due by a given time. */
    private final class Schedule {
        private final ArrivalStream arrivals;
        private final BodyTemplate body;
        private long seq;
        private boolean holding;

        Schedule(ArrivalStream arrivals, BodyTemplate body) {
            this.arrivals = arrivals;
            this.body = body;
        }

        /** Dispatches every arrival due by {@code nowNanos}; returns the run time of the next one, or {@link Pacer#OVER}. */
        long sendDue(long nowNanos) {
            while (true) {
                if (!holding) {
                    if (!arrivals.next()) {
                        return Pacer.OVER;
                    }
                    holding = true;
                }
                long at = arrivals.atNanos();
                if (at > nowNanos) {
                    return at;
                }
                holding = false;
                meter.intended(at);
                dispatch(new Request(seq, at, body == null ? null : body.render(arrivals, seq)));
                seq++;
            }
        }
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
