package io.greenscale.loadgen.drive;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What a run measured, written from any thread: counts per second of the run, and latency
 * recorders for interval snapshots. Every time is nanoseconds since the start of the run, passed
 * in by the caller (the meter reads no clock). Latency runs from the intended send time;
 * service time from the actual send; scheduling error is actual minus intended send time.
 * Histogram values are microseconds.
 */
final class Meter {
    static final long MAX_MICROS = TimeUnit.HOURS.toMicros(1);

    private final int seconds;
    private final AtomicLongArray intended;
    private final AtomicLongArray sent;
    private final AtomicLongArray completed;
    private final AtomicLongArray errors;
    private final AtomicLongArray dropped;
    private final Recorder latency = new Recorder(MAX_MICROS, 3);
    private final Recorder serviceTime = new Recorder(MAX_MICROS, 3);
    private final Recorder schedulingError = new Recorder(MAX_MICROS, 3);
    private final Map<String, LongAdder> errorsByKind = new ConcurrentHashMap<>();
    private final AtomicLong inFlight = new AtomicLong();
    private final LongAdder totalIntended = new LongAdder();
    private final LongAdder totalSent = new LongAdder();
    private final LongAdder totalCompleted = new LongAdder();
    private final LongAdder totalErrors = new LongAdder();
    private final LongAdder totalTimeouts = new LongAdder();
    private final LongAdder totalDropped = new LongAdder();

    /** @param seconds how many per-second buckets to keep; later events count in the last one */
    Meter(int seconds) {
        this.seconds = Math.max(1, seconds);
        intended = new AtomicLongArray(this.seconds);
        sent = new AtomicLongArray(this.seconds);
        completed = new AtomicLongArray(this.seconds);
        errors = new AtomicLongArray(this.seconds);
        dropped = new AtomicLongArray(this.seconds);
    }

    private int bucket(long nanos) {
        return (int) Math.min(seconds - 1, Math.max(0, nanos / 1_000_000_000L));
    }

    void intended(long intendedNanos) {
        intended.incrementAndGet(bucket(intendedNanos));
        totalIntended.increment();
    }

    void sent(long intendedNanos, long sentNanos) {
        sent.incrementAndGet(bucket(sentNanos));
        totalSent.increment();
        inFlight.incrementAndGet();
        schedulingError.recordValue(micros(sentNanos - intendedNanos));
    }

    void finished(Request r, long sentNanos, long doneNanos, Outcome outcome) {
        inFlight.decrementAndGet();
        if (outcome.ok()) {
            completed.incrementAndGet(bucket(doneNanos));
            totalCompleted.increment();
            latency.recordValue(micros(doneNanos - r.intendedNanos()));
            serviceTime.recordValue(micros(doneNanos - sentNanos));
        } else {
            errors.incrementAndGet(bucket(doneNanos));
            totalErrors.increment();
            if (outcome.isTimeout()) {
                totalTimeouts.increment();
            }
            errorsByKind.computeIfAbsent(outcome.kind(), k -> new LongAdder()).increment();
        }
    }

    /** Requests still in flight when the run gave up waiting: errors of kind {@code unfinished}. */
    void abandonInFlight(long atNanos) {
        long n = inFlight.getAndSet(0);
        if (n > 0) {
            errors.addAndGet(bucket(atNanos), n);
            totalErrors.add(n);
            errorsByKind.computeIfAbsent("unfinished", k -> new LongAdder()).add(n);
        }
    }

    /** A request that was never sent (the generator's queue was full, or the run ended first). */
    void dropped(long atNanos) {
        dropped.incrementAndGet(bucket(atNanos));
        totalDropped.increment();
    }

    private static long micros(long nanos) {
        return Math.min(MAX_MICROS, Math.max(0, nanos / 1000));
    }

    /** The counts of one second; call once the second is over. */
    SecondCounts second(int s) {
        int i = Math.min(s, seconds - 1);
        return new SecondCounts(intended.get(i), sent.get(i), completed.get(i), errors.get(i), dropped.get(i));
    }

    record SecondCounts(long intended, long sent, long completed, long errors, long dropped) {}

    /** Latencies recorded since the last call (one reporter thread calls these). */
    Histogram latencyInterval(Histogram recycle) {
        return latency.getIntervalHistogram(recycle);
    }

    Histogram serviceTimeInterval(Histogram recycle) {
        return serviceTime.getIntervalHistogram(recycle);
    }

    Histogram schedulingErrorInterval(Histogram recycle) {
        return schedulingError.getIntervalHistogram(recycle);
    }

    long inFlight() {
        return inFlight.get();
    }

    long totalIntended() {
        return totalIntended.sum();
    }

    long totalSent() {
        return totalSent.sum();
    }

    long totalCompleted() {
        return totalCompleted.sum();
    }

    long totalErrors() {
        return totalErrors.sum();
    }

    long totalTimeouts() {
        return totalTimeouts.sum();
    }

    long totalDropped() {
        return totalDropped.sum();
    }

    Map<String, Long> errorsByKind() {
        Map<String, Long> m = new TreeMap<>();
        errorsByKind.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }
}
