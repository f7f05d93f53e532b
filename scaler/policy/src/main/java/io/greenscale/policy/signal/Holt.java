package io.greenscale.policy.signal;

import java.time.Duration;
import java.time.Instant;

/**
 * Holt's linear trend (double exponential smoothing) over irregularly spaced observations: a
 * level and a trend per second. Each observation is taken in once.
 *
 * @param level        the smoothed value now; NaN before the first observation
 * @param trend        change of the level per second
 * @param lastObserved observation time of the last sample taken in, or null
 */
public record Holt(double level, double trend, Instant lastObserved) {

    public static final Holt EMPTY = new Holt(Double.NaN, 0, null);

    public boolean isEmpty() {
        return lastObserved == null;
    }

    /**
     * @param alpha weight of a new sample in the level, in (0, 1]
     * @param beta  weight of the newest slope in the trend, in [0, 1]
     */
    public Holt update(double sample, Instant observedAt, double alpha, double beta) {
        if (isEmpty()) {
            return new Holt(sample, 0, observedAt);
        }
        if (!observedAt.isAfter(lastObserved)) {
            return this;
        }
        double dt = Duration.between(lastObserved, observedAt).toNanos() / 1e9;
        double newLevel = alpha * sample + (1 - alpha) * (level + trend * dt);
        double newTrend = beta * (newLevel - level) / dt + (1 - beta) * trend;
        return new Holt(newLevel, newTrend, observedAt);
    }

    /** The level expected {@code horizonSeconds} after the last observation. */
    public double forecast(double horizonSeconds) {
        return level + trend * horizonSeconds;
    }
}
