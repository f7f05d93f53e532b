package io.greenscale.policy.signal;

import java.time.Duration;
import java.time.Instant;

/**
 * Holt's linear trend (double exponential smoothing) over irregularly spaced observations, made
 * robust to outliers and level shifts: a level and a trend per second, plus the mean absolute
 * one-step forecast error. An observation whose error exceeds {@code shiftThreshold} typical
 * errors is clipped to that band (one noisy sample barely moves the level); a second one in a row,
 * off in the same direction, is a step — the level jumps to it and the trend restarts at zero, so
 * a sudden load step is neither ignored nor extrapolated into a ramp. Each observation is taken in once.
 *
 * @param level        the smoothed value now; NaN before the first observation
 * @param trend        change of the level per second
 * @param meanAbsError EWMA of |observation − one-step forecast|; NaN until the second observation
 * @param observations how many observations were taken in (saturates)
 * @param pendingShift +1 / −1 when the last observation was an outlier above / below the forecast, else 0
 * @param lastObserved observation time of the last sample taken in, or null
 */
public record Holt(double level, double trend, double meanAbsError, int observations, int pendingShift, Instant lastObserved) {

    public static final Holt EMPTY = new Holt(Double.NaN, 0, Double.NaN, 0, 0, null);
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
     * @param shiftThreshold errors beyond this many typical errors are outliers, two in a row a shift (≤ 0: never)
     */
    public Holt update(double sample, Instant observedAt, double alpha, double beta, double shiftThreshold) {
        if (isEmpty()) {
            return new Holt(sample, 0, Double.NaN, 1, 0, observedAt);
        }
        if (!observedAt.isAfter(lastObserved)) {
            return this;
        }
        double dt = Duration.between(lastObserved, observedAt).toNanos() / 1e9;
        double predicted = level + trend * dt;
        double error = sample - predicted;
        int n = Math.min(observations + 1, 1_000_000);
        boolean judged = shiftThreshold > 0 && warmedUp() && !Double.isNaN(meanAbsError);
        double band = judged ? shiftThreshold * Math.max(meanAbsError, 1e-9) : Double.POSITIVE_INFINITY;
        int direction = Math.abs(error) > band ? (int) Math.signum(error) : 0;
        if (direction != 0 && direction == pendingShift) {
            return new Holt(sample, 0, meanAbsError, n, 0, observedAt); // a confirmed step
        }
        double taken = direction == 0 ? sample : predicted + direction * band; // a lone outlier is clipped
        double mae = Double.isNaN(meanAbsError) ? Math.abs(error) : meanAbsError + alpha * (Math.min(Math.abs(error), band) - meanAbsError);
        double newLevel = alpha * taken + (1 - alpha) * predicted;
        double newTrend = beta * (newLevel - level) / dt + (1 - beta) * trend;
        return new Holt(newLevel, newTrend, mae, n, direction, observedAt);
    }

    /** The level expected {@code horizonSeconds} after the last observation. */
    public double forecast(double horizonSeconds) {
        return level + trend * horizonSeconds;
    }
}
