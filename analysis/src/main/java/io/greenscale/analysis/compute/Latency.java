package io.greenscale.analysis.compute;

import io.greenscale.analysis.compute.Scorecard.LatencySource;
import io.greenscale.analysis.run.RunData;
import io.greenscale.loadgen.record.TimeseriesRow;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * A run's latency figures: from every request's latency when the run has them, otherwise
 * estimated from the per-second percentiles of timeseries.csv (see {@link #reconstruct}).
 *
 * @param completed requests whose latency is known
 * @param withinSlo of those, the ones at or under the SLO; null without an SLO
 */
record Latency(long completed, Long withinSlo, Double p50Millis, Double p95Millis, Double p99Millis, LatencySource source) {
    private static final double MICROS_PER_MS = 1000.0;
    /** Samples per second when rebuilding a distribution from three percentiles: enough to hit each. */
    private static final int SAMPLES_PER_SECOND = 100;

    static Latency of(RunData run, Double sloMillis) {
        if (run.latencyMicros().getTotalCount() > 0) {
            return from(run.latencyMicros(), sloMillis, LatencySource.HLOG);
        }
        Histogram estimated = reconstruct(run.seconds());
        if (estimated.getTotalCount() > 0) {
            return from(estimated, sloMillis, LatencySource.TIMESERIES);
        }
        return new Latency(0, sloMillis == null ? null : 0L, null, null, null, LatencySource.NONE);
    }

    private static Latency from(Histogram h, Double sloMillis, LatencySource source) {
        Long within = sloMillis == null ? null : h.getCountBetweenValues(0, Math.round(sloMillis * MICROS_PER_MS));
        return new Latency(h.getTotalCount(), within, ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(95)),
                ms(h.getValueAtPercentile(99)), source);
    }

    /**
     * A distribution with each second's completions spread over that second's quantile function:
     * flat at p50 below the median (an over-estimate, so attainment is never flattered), linear
     * from p50 to p95 and from p95 to p99, flat at p99 above. Seconds without percentiles or
     * completions add nothing.
     */
    static Histogram reconstruct(List<TimeseriesRow> seconds) {
        Histogram h = new Histogram(3);
        for (TimeseriesRow r : seconds) {
            if (r.completions() == null || r.completions() <= 0 || r.p50Ms() == null || r.p95Ms() == null) {
                continue;
            }
            double p99 = r.p99Ms() != null ? r.p99Ms() : r.p95Ms();
            int samples = (int) Math.min(SAMPLES_PER_SECOND, r.completions());
            long base = r.completions() / samples;
            long extra = r.completions() % samples; // the first `extra` samples carry one more request
            for (int i = 0; i < samples; i++) {
                double q = (i + 0.5) / samples;
                long micros = Math.max(0, Math.round(quantile(q, r.p50Ms(), r.p95Ms(), p99) * MICROS_PER_MS));
                h.recordValueWithCount(micros, base + (i < extra ? 1 : 0));
            }
        }
        return h;
    }

    private static double quantile(double q, double p50, double p95, double p99) {
        if (q <= 0.5) {
            return p50;
        }
        if (q <= 0.95) {
            return p50 + (p95 - p50) * (q - 0.5) / 0.45;
        }
        if (q <= 0.99) {
            return p95 + (p99 - p95) * (q - 0.95) / 0.04;
        }
        return p99;
    }

    private static double ms(double micros) {
        return Math.round(micros) / MICROS_PER_MS;
    }
}
