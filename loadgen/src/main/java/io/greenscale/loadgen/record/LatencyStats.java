package io.greenscale.loadgen.record;

import org.HdrHistogram.AbstractHistogram;

/**
 * Percentiles of a latency histogram, in milliseconds (rounded to the microsecond).
 *
 * @param count requests recorded
 */
public record LatencyStats(long count, double mean, double p50, double p90, double p95, double p99, double p999, double max) {

    /** From a histogram whose values are microseconds; all zeros when it is empty. */
    public static LatencyStats ofMicros(AbstractHistogram h) {
        if (h.getTotalCount() == 0) {
            return new LatencyStats(0, 0, 0, 0, 0, 0, 0, 0);
        }
        return new LatencyStats(h.getTotalCount(), ms(h.getMean()), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)),
                ms(h.getValueAtPercentile(95)), ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
    }

    private static double ms(double micros) {
        return Math.round(micros) / 1000.0;
    }
}
