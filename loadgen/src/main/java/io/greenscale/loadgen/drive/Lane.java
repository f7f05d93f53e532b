package io.greenscale.loadgen.drive;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One lane of the open loop: its share of the connections and its own FIFO queue of requests
 * waiting for one. With an event loop per lane, a lane's sends and completions all run on that
 * loop's thread; without one, completions arrive from the target's threads, hence thread-safe
 * parts.
 */
final class Lane {
    private final int index;
    private final SplitSchedule schedule;
    private final Target target;
    private final Meter meter;
    private final Semaphore connections;
    private final AtomicLong queuedTotal;
    private final long maxQueued;
    private final LongSupplier now;
    private final Queue<Request> queue = new ConcurrentLinkedQueue<>();
    private final List<Request> due = new ArrayList<>();
    private volatile boolean closed;

    /**
     * @param queuedTotal requests queued in every lane together, held to {@code maxQueued}
     * @param now         run time in nanoseconds
     */
    Lane(int index, SplitSchedule schedule, Target target, Meter meter, int connections, AtomicLong queuedTotal,
         long maxQueued, LongSupplier now) {
        this.index = index;
        this.schedule = schedule;
        this.target = target;
        this.meter = meter;
        this.connections = new Semaphore(connections);
        this.queuedTotal = queuedTotal;
        this.maxQueued = maxQueued;
        this.now = now;
    }

    /** Dispatches this lane's requests due by {@code nowNanos}; returns the run time of its next one, or {@link Pacer#OVER}. */
    long sendDue(long nowNanos) {
        due.clear();
        long next = schedule.takeDue(index, nowNanos, due);
        for (Request r : due) {
            meter.intended(r.intendedNanos());
            dispatch(r);
        }
        return next;
    }

    private void dispatch(Request r) {
        if (queue.isEmpty() && connections.tryAcquire()) {
            send(r);
            return;
        }
        if (queuedTotal.get() >= maxQueued) {
            meter.dropped(r.intendedNanos());
            return;
        }
        queuedTotal.incrementAndGet();
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
            queuedTotal.decrementAndGet();
            send(r);
        }
    }

    private void send(Request r) {
        long sentAt = now.getAsLong();
        meter.sent(r.intendedNanos(), sentAt);
        target.send(r).thenAccept(outcome -> {
            if (!closed) {
                meter.finished(r, sentAt, now.getAsLong(), outcome);
            }
            connections.release();
            if (!closed) {
                sendQueued();
            }
        });
    }

    /** Stops recording, and counts what is still queued as dropped. */
    void close() {
        closed = true;
        Request r;
        while ((r = queue.poll()) != null) {
            queuedTotal.decrementAndGet();
            meter.dropped(r.intendedNanos());
        }
    }
}
