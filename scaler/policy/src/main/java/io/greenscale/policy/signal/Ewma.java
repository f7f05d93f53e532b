package io.greenscale.policy.signal;

import java.time.Instant;

/**
 * An exponentially weighted moving average that takes each observation once, however many
 * ticks report it (a scrape every 15 s read by a tick every 5 s), and may rise faster than it
 * falls (react to load quickly, release capacity calmly).
 *
 * @param value        the smoothed value; NaN before the first observation
 * @param lastObserved the observation time of the last sample taken in, or null
 */
public record Ewma(double value, Instant lastObserved) {

    public static final Ewma EMPTY = new Ewma(Double.NaN, null);

    public boolean isEmpty() {
        return lastObserved == null;
    }

    /**
     * @param alphaUp   weight of a sample above the current value, in (0, 1]
     * @param alphaDown weight of a sample at or below it, in (0, 1]
     */
    public Ewma update(double sample, Instant observedAt, double alphaUp, double alphaDown) {
        if (isEmpty()) {
            return new Ewma(sample, observedAt);
        }
        if (!observedAt.isAfter(lastObserved)) {
            return this;
        }
        double alpha = sample > value ? alphaUp : alphaDown;
        return new Ewma(value + alpha * (sample - value), observedAt);
    }
}
