package io.greenscale.analysis.write.plot;

import io.greenscale.loadgen.record.TimeseriesRow;
import java.util.List;
import java.util.function.Function;

/**
 * A series down-sampled for plotting: a 60-minute run has 3600 seconds, far more points than a
 * 960-pixel plot can show, and every point costs rendering time and SVG bytes.
 *
 * @param x bucket start, in the chart's time unit
 * @param y the bucket's mean or max; NaN for a bucket without values, which the chart draws as a gap
 */
record Points(double[] x, double[] y) {

    /** How a bucket's seconds become one point. */
    enum Reduce {
        /** Rates and replica counts: the average over the bucket. */
        MEAN,
        /** Latency and backlog: the worst second, so a short violation is not averaged away. */
        MAX
    }

    static Points of(List<TimeseriesRow> seconds, int bucketSeconds, double secondsPerUnit,
                     Function<TimeseriesRow, ? extends Number> value, Reduce reduce) {
        if (seconds.isEmpty()) {
            return new Points(new double[0], new double[0]);
        }
        long first = Math.floorDiv(seconds.getFirst().tS(), bucketSeconds);
        long last = first;
        for (TimeseriesRow r : seconds) {
            last = Math.max(last, Math.floorDiv(r.tS(), bucketSeconds));
        }
        int n = (int) (last - first + 1);
        double[] acc = new double[n];
        int[] count = new int[n];
        for (TimeseriesRow r : seconds) {
            Number v = value.apply(r);
            int i = (int) (Math.floorDiv(r.tS(), bucketSeconds) - first);
            if (v == null || i < 0) {
                continue;
            }
            acc[i] = count[i] == 0 ? v.doubleValue()
                    : reduce == Reduce.MEAN ? acc[i] + v.doubleValue() : Math.max(acc[i], v.doubleValue());
            count[i]++;
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (first + i) * bucketSeconds / secondsPerUnit;
            y[i] = count[i] == 0 ? Double.NaN : reduce == Reduce.MEAN ? acc[i] / count[i] : acc[i];
        }
        return new Points(x, y);
    }

    /** Irregular samples (decision ticks), averaged into at most {@code maxPoints} buckets. */
    static Points ofSamples(double[] tSeconds, double[] values, int maxPoints, double secondsPerUnit) {
        int stride = Math.max(1, (tSeconds.length + maxPoints - 1) / maxPoints);
        int n = (tSeconds.length + stride - 1) / stride;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int b = 0; b < n; b++) {
            int from = b * stride;
            int to = Math.min(tSeconds.length, from + stride);
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += values[i];
            }
            x[b] = tSeconds[from] / secondsPerUnit;
            y[b] = sum / (to - from);
        }
        return new Points(x, y);
    }

    /** True when no bucket has a value. */
    boolean isEmpty() {
        for (double v : y) {
            if (!Double.isNaN(v)) {
                return false;
            }
        }
        return true;
    }
}
