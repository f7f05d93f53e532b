package io.greenscale.daemon.signal;

import io.greenscale.policy.signal.Reading;
import java.time.Duration;
import java.time.Instant;

/**
 * Arrival and completion rates from the queue's counters, as deltas between two ticks' samples.
 * Immutable: {@link #next} returns the rates and the state for the next tick.
 *
 * <p>A counter missing from Redis has not been incremented yet: once it appears it counts from 0.
 * Where producers keep no enqueued counter at all, arrivals are inferred from conservation of jobs:
 * what arrived either completed or is still waiting or in flight, so
 * {@code arrivals = completions + Δbacklog + Δin-flight}.
 */
public record QueueRates(QueueSample previous, Instant previousAt) {

    /** Rates need two samples; a gap shorter than this is too noisy to divide by. */
    static final Duration MIN_INTERVAL = Duration.ofMillis(100);

    public static QueueRates first() {
        return new QueueRates(null, null);
    }

    /** The state after a tick whose queue read failed: the next sample starts afresh. */
    public QueueRates forget() {
        return first();
    }

    public record Result(Reading arrival, Reading completion, QueueRates next) {
    }

    public Result next(QueueSample sample, Instant now) {
        QueueRates next = new QueueRates(sample, now);
        if (previous == null) {
            return new Result(Reading.absent("first queue sample: a rate needs two"), Reading.absent("first queue sample: a rate needs two"), next);
        }
        Duration gap = Duration.between(previousAt, now);
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

    private static Reading delta(Long before, Long after, String counter, double seconds, Instant now) {
        if (after == null) {
            return Reading.absent("no " + counter + " counter");
        }
        if (before == null) {
            // INCR creates the key on the first job, so a counter that appears between two samples started at 0.
            before = 0L;
        }
        if (after < before) {
            return Reading.absent(counter + " counter went back from " + before + " to " + after + " (reset)");
        }
        return Reading.of((after - before) / seconds, now);
    }
}
