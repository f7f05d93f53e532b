package io.greenscale.loadgen.drive;

import io.greenscale.loadgen.profile.ArrivalStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
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
 * <p>Where the target does its I/O on event loops, there is one {@link Lane} per loop, paced on
 * that loop, with an equal share of the connections and its own queue; requests are dealt to the
 * lanes in turn. A request then goes from its send time to the socket, and a response from the
 * socket to the meter, without a hand-off between threads. Otherwise one lane is paced on the
 * calling thread.
 */
final class OpenLoop {
    private final Target target;
    private final Meter meter;
    private final int maxInFlight;
    private final long maxQueued;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private final AtomicLong queued = new AtomicLong();
    private final List<Lane> lanes = new ArrayList<>();

    /** @param startNanos the {@code nanoTime} at which the schedule's time 0 lies */
    OpenLoop(Target target, Meter meter, int maxInFlight, long maxQueued, LongSupplier nanoTime, long startNanos) {
        this.target = target;
        this.meter = meter;
        this.maxInFlight = maxInFlight;
        this.maxQueued = maxQueued;
        this.nanoTime = nanoTime;
        this.startNanos = startNanos;
    }

    /**
     * Runs the whole schedule; returns when the last arrival was dispatched, or soon after the
     * calling thread is interrupted (its interrupt flag stays set).
     */
    void run(ArrivalStream arrivals, BodyTemplate body, BooleanSupplier cancelled) {
        List<ScheduledExecutorService> loops = target.eventLoops();
        int n = Math.max(1, loops.size());
        SplitSchedule schedule = new SplitSchedule(arrivals, body, n);
        for (int i = 0; i < n; i++) {
            lanes.add(new Lane(i, schedule, target, meter, share(maxInFlight, n, i), queued, maxQueued, this::now));
        }
        if (loops.isEmpty()) {
            Pacer.onThisThread(lanes.getFirst()::sendDue, this::now, cancelled);
            return;
        }
        List<CompletableFuture<Void>> paced = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            paced.add(Pacer.onLoop(loops.get(i), lanes.get(i)::sendDue, this::now));
        }
        Pacer.await(paced);
    }

    /** Lane {@code i}'s share of {@code total} among {@code n}: as equal as can be, the first lanes taking the remainder. */
    static int share(int total, int n, int i) {
        return total / n + (i < total % n ? 1 : 0);
    }

    long now() {
        return nanoTime.getAsLong() - startNanos;
    }

    /** Requests waiting for a connection, in every lane. */
    long queued() {
        return queued.get();
    }

    /**
     * Waits (polling every 10 ms) until nothing is queued or in flight, or until
     * {@code deadlineNanos} (run time). What is left then is counted: queued requests as dropped,
     * requests still in flight as errors of kind {@code unfinished}. An interrupt ends the wait at
     * once (the flag stays set).
     */
    void drain(long deadlineNanos) {
        while (now() < deadlineNanos && (queued.get() > 0 || meter.inFlight() > 0) && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(10_000_000L);
        }
        for (Lane lane : lanes) {
            lane.close();
        }
        meter.abandonInFlight(now());
    }
}
