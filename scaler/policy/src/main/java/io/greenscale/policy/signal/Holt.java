package io.greenscale.policy.signal;

import java.time.Duration;
import java.time.Instant;

/**
 * Holt's linear trend (double exponential smoothing) over irregularly spaced observations, made
 * robust to level shifts: a level and a trend per second, plus the mean absolute one-step
 * forecast error. An observation whose error exceeds {@code shiftThreshold} times that typical
 * error is a step, not a trend — the level jumps to it and the trend restarts at zero — so a
 * sudden load step is not extrapolated into a ramp. Each observation is taken in once.
 *
 * @param level        the smoothed value now; NaN before the first observation
 * @param trend        change of the level per second
 * @param meanAbsError EWMA of |observation − one-step forecast|; NaN until the second observation
 * @param observations how many observations were taken in (saturates)
 * @param lastObserved observation time of the last sample taken in, or null
 */
public record Holt(double level, double trend, double meanAbsError, int observations, Instant lastObserved) {

    public static final Holt EMPTY = new Holt(Double.NaN, 0, Double.NaN, 0, null);
    /** Errors are judged only once the typical error has been seen a few times. */
    private static final int WARM_UP = 4;

    public boolean isEmpty() {
        return lastObserved == null;
    }

    /** True once enough observations were seen for the trend to mean something. */
    public boolean warmedUp() {
        return observations >= WARM_UP;
    }

    /**
     * @param alpha          weight of a new sample in the level, in (0, 1]
     * @param beta           weight of the newest slope in the trend, in [0, 1]
     * @param shiftThreshold an error above this many typical errors is a level shift (≤ 0: never)
     */
    public Holt update(double sample, Instant observedAt, double alpha, double beta, double shiftThreshold) {
        if (isEmpty()) {
            return new Holt(sample, 0, Double.NaN, 1, observedAt);
        }
        if (!observedAt.isAfter(lastObserved)) {
            return this;
        }
        double dt = Duration.between(lastObserved, observedAt).toNanos() / 1e9;
        double predicted = level + trend * dt;
        double error = Math.abs(sample - predicted);
        int n = Math.min(observations + 1, 1_000_000);
        double mae = Double.isNaN(meanAbsError) ? error : meanAbsError + alpha * (error - meanAbsError);
        boolean shift = shiftThreshold > 0 && warmedUp() && !Double.isNaN(meanAbsError)
                && error > shiftThreshold * Math.max(meanAbsError, 1e-9);
        if (shift) {
            return new Holt(sample, 0, meanAbsError, n, observedAt);
        }
        double newLevel = alpha * sample + (1 - alpha) * predicted;
        double newTrend = beta * (newLevel - level) / dt + (1 - beta) * trend;
        return new Holt(newLevel, newTrend, mae, n, observedAt);
    }

    /** The level expected {@code horizonSeconds} after the last observation. */
    public double forecast(double horizonSeconds) {
        return level + trend * horizonSeconds;
    }
}
