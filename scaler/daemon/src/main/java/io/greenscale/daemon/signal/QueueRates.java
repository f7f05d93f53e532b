package io.greenscale.daemon.signal;

import io.greenscale.policy.signal.Reading;
import java.time.Duration;
import java.time.Instant;

/**
 * Arrival and completion rates from the queue's counters, as deltas between two ticks' samples.
 * Immutable: {@link #next} returns the rates and the state for the next tick.
 *
 * <p>A counter missing from Redis has not been incremented yet: once it appears it counts from 0.
 * A read that fails leaves the previous sample in place, so the first good read after an outage
 * has a rate again.
 * Where producers keep no enqueued counter at all, arrivals are inferred from conservation of jobs:
 * what arrived either completed or is still waiting or in flight, so
 * {@code arrivals = completions + Δbacklog + Δin-flight}.
 */
public record QueueRates(QueueSample previous, Instant previousAt) {

    /** Rates need two samples; a gap shorter than this is too noisy to divide by. */
    static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    /**
     * Counters are cumulative, so a rate across a gap of failed reads is still right, only
     * averaged over longer; beyond this gap the average says too little about now.
     */
    static final Duration MAX_INTERVAL = Duration.ofMinutes(2);

    public static QueueRates first() {
        return new QueueRates(null, null);
    }

    public record Result(Reading arrival, Reading completion, QueueRates next) {
    }

    public Result next(QueueSample sample, Instant now) {
        QueueRates next = new QueueRates(sample, now);
        if (previous == null) {
            return new Result(Reading.absent("first queue sample: a rate needs two"), Reading.absent("first queue sample: a rate needs two"), next);
        }
        Duration gap = Duration.between(previousAt, now);
        if (gap.compareTo(MAX_INTERVAL) > 0) {
            return first().next(sample, now);
        }
        if (gap.compareTo(MIN_INTERVAL) < 0) {
            return new Result(Reading.absent("samples " + gap.toMillis() + " ms apart: too close for a rate"),
                    Reading.absent("samples " + gap.toMillis() + " ms apart: too close for a rate"), this);
        }
        double seconds = gap.toNanos() / 1e9;
        Reading completion = delta(previous.completedTotal(), sample.completedTotal(), "completed", seconds, now);
        Reading arrival;
        if (sample.enqueuedTotal() != null) {
            arrival = delta(previous.enqueuedTotal(), sample.enqueuedTotal(), "enqueued", seconds, now);
        } else if (completion instanceof Reading.Present done) {
            double queued = (sample.backlog() - previous.backlog()) + (sample.inFlight() - previous.inFlight());
            arrival = Reading.of(Math.max(0, done.value() + queued / seconds), now);
        } else {
            arrival = Reading.absent("no enqueued counter and no completion rate to infer arrivals from");
        }
        return new Result(arrival, completion, next);
    }

    /**
     * A counter's increase per second. INCR creates the key on the first job, so a counter that
     * appears between two samples started at 0; one that went back (or vanished) was reset, e.g.
     * by a Redis restart, and counts from 0 again, as Prometheus' rate() treats counter resets.
     */
    private static Reading delta(Long before, Long after, String counter, double seconds, Instant now) {
        if (after == null && before == null) {
            return Reading.absent("no " + counter + " counter");
        }
        long from = before == null ? 0 : before;
        long to = after == null ? 0 : after;
        long increase = to >= from ? to - from : to;
        return Reading.of(increase / seconds, now);
    }
}
