package io.greenscale.analysis.sim;

/**
 * Latency as Prometheus sees it: a classic histogram with fixed buckets, and
 * {@code histogram_quantile(q, rate(..._bucket[window]))} computed over the last {@code window}
 * whole seconds, with Prometheus's linear interpolation inside the bucket (and the highest
 * finite bound when the rank falls in +Inf). Coarse on purpose: that is what an autoscaler reading
 * p95 from Prometheus gets.
 */
final class PromLatencyWindow {
    /** The inference app's bucket bounds, seconds. */
    static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300};
    private static final long[] BOUNDS_NANOS = new long[BOUNDS.length];

    static {
        for (int i = 0; i < BOUNDS.length; i++) {
            BOUNDS_NANOS[i] = Math.round(BOUNDS[i] * 1e9);
        }
    }

    private final long[] current = new long[BOUNDS.length + 1];
    private final long[][] ring;
    private final long[] window = new long[BOUNDS.length + 1];
    private int pos;

    PromLatencyWindow(int windowSeconds) {
        this.ring = new long[windowSeconds][BOUNDS.length + 1];
    }

    void record(long latencyNanos) {
        int i = 0;
        while (i < BOUNDS_NANOS.length && latencyNanos > BOUNDS_NANOS[i]) {
            i++;
        }
        current[i]++;
    }

    /** Closes the current second: it enters the window, the oldest second leaves it. */
    void endSecond() {
        long[] leaving = ring[pos];
        for (int i = 0; i < current.length; i++) {
            window[i] += current[i] - leaving[i];
            leaving[i] = current[i];
            current[i] = 0;
        }
        pos = (pos + 1) % ring.length;
    }

    /** The q-quantile over the window in seconds; NaN when nothing completed in it (Prometheus returns no value). */
    double quantile(double q) {
        long total = 0;
        for (long c : window) {
            total += c;
        }
        if (total == 0) {
            return Double.NaN;
        }
        double rank = q * total;
        long cumulative = 0;
        for (int i = 0; i < window.length; i++) {
            long before = cumulative;
            cumulative += window[i];
            if (cumulative >= rank && window[i] > 0) {
                if (i == BOUNDS.length) {
                    return BOUNDS[BOUNDS.length - 1];
                }
                double lower = i == 0 ? 0 : BOUNDS[i - 1];
                double upper = BOUNDS[i];
                return lower + (upper - lower) * (rank - before) / window[i];
            }
        }
        return BOUNDS[BOUNDS.length - 1];
    }
}
