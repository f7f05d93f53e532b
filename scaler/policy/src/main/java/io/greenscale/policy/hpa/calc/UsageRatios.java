package io.greenscale.policy.hpa.calc;

import java.math.BigInteger;
import java.util.Map;

/**
 * The ratio arithmetic of {@code metrics/utilization.go}, kept bit-exact: integer sums and
 * truncating integer division first, then one division in double. Sums are exact (upstream
 * accumulates them in big integers since values near {@code MaxInt64} wrapped), and the
 * utilisation percent is clamped to int32.
 */
final class UsageRatios {
    private UsageRatios() {}

    /**
     * @param ratio          utilisation ÷ target
     * @param utilization    {@code (Σ usage × 100) / Σ request}, percent, truncated
     * @param rawAverageMilli {@code Σ usage / matched pods}, truncated
     */
    record Utilization(double ratio, int utilization, long rawAverageMilli) {}

    /** @param usageMilli {@code Σ values / count}, truncated */
    record Usage(double ratio, long usageMilli) {}

    /**
     * {@code GetResourceUtilizationRatio}: samples of pods without a request (superfluous samples)
     * are skipped.
     */
    static Utilization resourceUtilization(Map<String, Long> usageByPod, Map<String, Long> requests, int targetUtilization)
            throws CalculationException {
        BigInteger usageTotal = BigInteger.ZERO;
        BigInteger requestTotal = BigInteger.ZERO;
        long matched = 0;
        for (Map.Entry<String, Long> e : usageByPod.entrySet()) {
            Long request = requests.get(e.getKey());
            if (request == null) {
                continue;
            }
            usageTotal = usageTotal.add(BigInteger.valueOf(e.getValue()));
            requestTotal = requestTotal.add(BigInteger.valueOf(request));
            matched++;
        }
        if (requestTotal.signum() == 0) {
            throw new CalculationException("no metrics returned matched known pods");
        }
        BigInteger percent = usageTotal.multiply(BigInteger.valueOf(100)).divide(requestTotal);
        int utilization = percent.max(BigInteger.valueOf(Integer.MIN_VALUE)).min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
        long rawAverage = usageTotal.divide(BigInteger.valueOf(matched)).longValue();
        return new Utilization((double) utilization / (double) targetUtilization, utilization, rawAverage);
    }

    /** {@code GetMetricUsageRatio}: every sample counts, superfluous ones included. */
    static Usage metricUsage(Map<String, Long> values, long targetUsage) {
        BigInteger total = BigInteger.ZERO;
        for (long v : values.values()) {
            total = total.add(BigInteger.valueOf(v));
        }
        long usage = total.divide(BigInteger.valueOf(values.size())).longValue();
        return new Usage((double) usage / (double) targetUsage, usage);
    }
}
