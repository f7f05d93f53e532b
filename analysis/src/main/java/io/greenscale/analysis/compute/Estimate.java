package io.greenscale.analysis.compute;

import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * A figure over several runs (seeds): the mean and the half-width of its 95 % confidence
 * interval from Student's t, so that "better" can mean better beyond the noise between seeds.
 *
 * @param n     runs that had the figure
 * @param mean  null when no run had it
 * @param ci95  half-width: the mean is in {@code mean ± ci95} with 95 % confidence; null for n < 2
 */
public record Estimate(int n, Double mean, Double ci95) {
    public static final Estimate NONE = new Estimate(0, null, null);

    /** From each run's value; nulls (runs without the figure) are left out. */
    public static Estimate of(List<Double> values) {
        SummaryStatistics stats = new SummaryStatistics();
        values.stream().filter(Objects::nonNull).forEach(stats::addValue);
        int n = (int) stats.getN();
        if (n == 0) {
            return NONE;
        }
        if (n == 1) {
            return new Estimate(1, stats.getMean(), null);
        }
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
        return new Estimate(n, stats.getMean(), t * stats.getStandardDeviation() / Math.sqrt(n));
    }

    public double low() {
        return mean - (ci95 == null ? 0 : ci95);
    }

    public double high() {
        return mean + (ci95 == null ? 0 : ci95);
    }

    /** True when both have a CI and the intervals do not overlap: different beyond noise between seeds. */
    public boolean separatedFrom(Estimate other) {
        return mean != null && other.mean != null && ci95 != null && other.ci95 != null
                && (high() < other.low() || other.high() < low());
    }
}
