package io.greenscale.policy.hpa.calc;

import io.greenscale.policy.signal.PodSnapshot;
import io.greenscale.policy.signal.PodSnapshot.MetricSample;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The pod-based replica calculators of {@code replica_calculator.go}: Resource metrics with a
 * Utilization target ({@code GetResourceReplicas}) or an AverageValue target
 * ({@code GetRawResourceReplicas}), and Pods metrics ({@code GetMetricReplicas}); both value
 * paths share {@code calcPlainMetricReplicas}. Pure: the pods, their samples and {@code now} are
 * passed in.
 *
 * <p>Samples are keyed by pod name and may include pods that are not in the list ("superfluous"
 * samples): they are skipped in resource sums but count in averages and in the rebalanced
 * replica count, as upstream.
 */
public final class ReplicaCalculator {
    private final PodGrouping.Settings grouping;
    private final boolean missingPodsAtTargetAboveHundred;

    /**
     * @param missingPodsAtTargetAboveHundred on a scale-down, a missing pod counts at
     *        {@code max(100, target)} % of its request (v1.26+) instead of 100 %
     */
    public ReplicaCalculator(PodGrouping.Settings grouping, boolean missingPodsAtTargetAboveHundred) {
        this.grouping = Objects.requireNonNull(grouping, "grouping");
        this.missingPodsAtTargetAboveHundred = missingPodsAtTargetAboveHundred;
    }

    /** {@code GetResourceReplicas}: the utilisation of {@code resource} against a percent-of-request target. */
    public ResourceProposal resourceUtilization(int currentReplicas, int targetUtilization, String resource, Tolerances tolerances,
                                                List<PodSnapshot> pods, Map<String, MetricSample> samples, Instant now)
            throws CalculationException {
        if (samples.isEmpty()) {
            throw new CalculationException("unable to get metrics for resource " + resource + ": no metrics returned from resource metrics API");
        }
        if (pods.isEmpty()) {
            throw new CalculationException("no pods returned by selector while calculating replica count");
        }
        PodGroups groups = PodGrouping.group(pods, samples, resource, grouping, now);
        Map<String, Long> usage = usableValues(samples, groups);
        if (usage.isEmpty()) {
            throw new CalculationException("did not receive metrics for targeted pods (pods might be unready)");
        }
        Map<String, Long> requests = ResourceRequests.of(pods, resource);
        UsageRatios.Utilization current = UsageRatios.resourceUtilization(usage, requests, targetUtilization);
        double ratio = current.ratio();

        boolean scaleUpWithUnready = !groups.unready().isEmpty() && ratio > 1.0;
        if (!scaleUpWithUnready && groups.missing().isEmpty()) {
            if (tolerances.isWithin(ratio)) {
                return new ResourceProposal(currentReplicas, current.utilization(), current.rawAverageMilli(), Outcome.WITHIN_TOLERANCE);
            }
            return new ResourceProposal((int) Math.ceil(ratio * (double) groups.readyCount()),
                    current.utilization(), current.rawAverageMilli(), Outcome.COMPUTED);
        }

        if (ratio < 1.0) {
            // On a scale-down a missing pod is assumed busy: at 100 % of its request, or at the target
            // when the target is above 100 %, so that it cannot drag the average down.
            long fallbackPercent = missingPodsAtTargetAboveHundred ? Math.max(100, targetUtilization) : 100;
            for (String pod : groups.missing()) {
                usage.put(pod, requests.get(pod) * fallbackPercent / 100);
            }
        } else if (ratio > 1.0) {
            groups.missing().forEach(pod -> usage.put(pod, 0L));
        }
        if (scaleUpWithUnready) {
            groups.unready().forEach(pod -> usage.put(pod, 0L));
        }
        double newRatio = UsageRatios.resourceUtilization(usage, requests, targetUtilization).ratio();
        Rebalanced result = rebalance(tolerances, ratio, newRatio, usage.size(), currentReplicas);
        return new ResourceProposal(result.replicas(), current.utilization(), current.rawAverageMilli(), result.outcome());
    }

    /** {@code GetRawResourceReplicas}: a resource against a per-pod AverageValue target. */
    public UsageProposal resourceAverageValue(int currentReplicas, long targetAverageMilli, String resource, Tolerances tolerances,
                                              List<PodSnapshot> pods, Map<String, MetricSample> samples, Instant now)
            throws CalculationException {
        if (samples.isEmpty()) {
            throw new CalculationException("unable to get metrics for resource " + resource + ": no metrics returned from resource metrics API");
        }
        return plainMetric(currentReplicas, targetAverageMilli, resource, tolerances, pods, samples, now);
    }

    /** {@code GetMetricReplicas}: a per-pod custom metric against an AverageValue target; readiness is not checked. */
    public UsageProposal podsMetric(int currentReplicas, long targetAverageMilli, String metricName, Tolerances tolerances,
                                    List<PodSnapshot> pods, Map<String, MetricSample> samples, Instant now)
            throws CalculationException {
        if (samples.isEmpty()) {
            throw new CalculationException("unable to get metric " + metricName + ": no metrics returned from custom metrics API");
        }
        return plainMetric(currentReplicas, targetAverageMilli, "", tolerances, pods, samples, now);
    }

    /** {@code calcPlainMetricReplicas}. */
    private UsageProposal plainMetric(int currentReplicas, long targetUsage, String resource, Tolerances tolerances,
                                      List<PodSnapshot> pods, Map<String, MetricSample> samples, Instant now)
            throws CalculationException {
        if (pods.isEmpty()) {
            throw new CalculationException("no pods returned by selector while calculating replica count");
        }
        PodGroups groups = PodGrouping.group(pods, samples, resource, grouping, now);
        Map<String, Long> values = usableValues(samples, groups);
        if (values.isEmpty()) {
            throw new CalculationException("did not receive metrics for targeted pods (pods might be unready)");
        }
        UsageRatios.Usage current = UsageRatios.metricUsage(values, targetUsage);
        double ratio = current.ratio();

        boolean scaleUpWithUnready = !groups.unready().isEmpty() && ratio > 1.0;
        if (!scaleUpWithUnready && groups.missing().isEmpty()) {
            if (tolerances.isWithin(ratio)) {
                return new UsageProposal(currentReplicas, current.usageMilli(), Outcome.WITHIN_TOLERANCE);
            }
            return new UsageProposal((int) Math.ceil(ratio * (double) groups.readyCount()), current.usageMilli(), Outcome.COMPUTED);
        }

        if (ratio < 1.0) {
            // On a scale-down a missing pod is assumed to be exactly at the target.
            groups.missing().forEach(pod -> values.put(pod, targetUsage));
        } else if (ratio > 1.0) {
            groups.missing().forEach(pod -> values.put(pod, 0L));
        }
        if (scaleUpWithUnready) {
            groups.unready().forEach(pod -> values.put(pod, 0L));
        }
        double newRatio = UsageRatios.metricUsage(values, targetUsage).ratio();
        Rebalanced result = rebalance(tolerances, ratio, newRatio, values.size(), currentReplicas);
        return new UsageProposal(result.replicas(), current.usageMilli(), result.outcome());
    }

    /** The samples that take part: everything except ignored and unready pods (superfluous samples stay). */
    private static Map<String, Long> usableValues(Map<String, MetricSample> samples, PodGroups groups) {
        Map<String, Long> values = new HashMap<>();
        samples.forEach((pod, sample) -> {
            if (!groups.ignored().contains(pod) && !groups.unready().contains(pod)) {
                values.put(pod, sample.valueMilli());
            }
        });
        return values;
    }

    private record Rebalanced(int replicas, Outcome outcome) {}

    /**
     * The no-op guards after rebalancing: the new ratio is within tolerance, or it points the other
     * way than the measured one, or the new count (over every sample, superfluous ones included)
     * moves against the new ratio — in each case the current count stands.
     */
    private static Rebalanced rebalance(Tolerances tolerances, double ratio, double newRatio, int sampleCount, int currentReplicas) {
        if (tolerances.isWithin(newRatio)) {
            return new Rebalanced(currentReplicas, Outcome.WITHIN_TOLERANCE);
        }
        if ((ratio < 1.0 && newRatio > 1.0) || (ratio > 1.0 && newRatio < 1.0)) {
            return new Rebalanced(currentReplicas, Outcome.DIRECTION_GUARD);
        }
        int newReplicas = (int) Math.ceil(newRatio * (double) sampleCount);
        if ((newRatio < 1.0 && newReplicas > currentReplicas) || (newRatio > 1.0 && newReplicas < currentReplicas)) {
            return new Rebalanced(currentReplicas, Outcome.DIRECTION_GUARD);
        }
        return new Rebalanced(newReplicas, Outcome.COMPUTED);
    }
}
