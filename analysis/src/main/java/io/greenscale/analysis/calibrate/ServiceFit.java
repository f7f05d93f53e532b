package io.greenscale.analysis.calibrate;

import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * The simulator's service-time model fitted to the jobs' measured service times (pick-up to
 * acknowledgement): a lognormal by maximum likelihood on the logarithms, given to the simulator as
 * its mean ({@code service.base}) and coefficient of variation ({@code service.cv}), with the
 * Kolmogorov–Smirnov distance of the fit as a check. Pure.
 *
 * @param jobs          jobs fitted
 * @param meanSeconds   the fitted lognormal's mean, exp(μ + σ²/2)
 * @param cv            its coefficient of variation, √(exp(σ²) − 1)
 * @param sampleMean    the plain sample mean, for comparison
 * @param p50Seconds    the sample median
 * @param p95Seconds    the sample 95th percentile
 * @param ksDistance    sup |F_sample − F_fit|: below ~0.05 the fit follows the sample closely
 */
public record ServiceFit(int jobs, double meanSeconds, double cv, double sampleMean, double p50Seconds, double p95Seconds, double ksDistance) {

    /** @throws IllegalArgumentException with fewer than {@code minJobs} positive service times */
    public static ServiceFit of(List<Double> serviceSeconds, int minJobs) {
        double[] xs = serviceSeconds.stream().mapToDouble(Double::doubleValue).filter(x -> x > 0).toArray();
        if (xs.length < minJobs) {
            throw new IllegalArgumentException("only " + xs.length + " completed job(s) with a service time; at least " + minJobs
                    + " are needed to fit the service-time model (run the experiment longer or at a higher rate)");
        }
        DescriptiveStatistics logs = new DescriptiveStatistics();
        DescriptiveStatistics plain = new DescriptiveStatistics(xs);
        for (double x : xs) {
            logs.addValue(Math.log(x));
        }
        double mu = logs.getMean();
        double sigma = Math.sqrt(Math.max(0, logs.getPopulationVariance()));
        double mean = Math.exp(mu + sigma * sigma / 2);
        double cv = Math.sqrt(Math.expm1(sigma * sigma));
        double ks = sigma < 1e-9 ? 0 : new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(new LogNormalDistribution(null, mu, sigma, 1e-9), xs);
        return new ServiceFit(xs.length, mean, cv, plain.getMean(), plain.getPercentile(50), plain.getPercentile(95), ks);
    }

    public String describe() {
        return String.format(Locale.ROOT, "%d jobs: mean %.3f s (sample %.3f s), cv %.3f, p50 %.3f s, p95 %.3f s; lognormal fit, KS distance %.3f",
                jobs, meanSeconds, sampleMean, cv, p50Seconds, p95Seconds, ksDistance);
    }
}
