package io.greenscale.policy.hpa.calc;

import io.greenscale.policy.signal.PodSnapshot;
import java.util.List;

/**
 * The replica calculators for Object and External metrics ({@code replica_calculator.go:
 * GetObjectMetricReplicas, GetObjectPerPodMetricReplicas, GetExternalMetricReplicas,
 * GetExternalPerPodMetricReplicas}). Value targets scale the count of ready pods; AverageValue
 * targets divide the total by the target and read no pods at all. From zero replicas a Value
 * target proposes {@code ceil(ratio)} with no tolerance, which is what lets an HPA leave zero.
 */
public final class ObjectExternalReplicas {
    private ObjectExternalReplicas() {}

    /** Object metric, Value target; {@code currentReplicas} is {@code scale.spec.replicas}. */
    public static UsageProposal objectValue(int currentReplicas, long usageMilli, long targetMilli, Tolerances tolerances,
                                            List<PodSnapshot> pods) throws CalculationException {
        double ratio = (double) usageMilli / (double) targetMilli;
        return usageRatioReplicas(currentReplicas, ratio, usageMilli, tolerances, pods);
    }

    /** Object metric, AverageValue target; {@code statusReplicas} is {@code scale.status.replicas}. */
    public static UsageProposal objectAverageValue(int statusReplicas, long usageMilli, long targetAverageMilli, Tolerances tolerances) {
        double ratio = (double) usageMilli / ((double) targetAverageMilli * (double) statusReplicas);
        int replicas = statusReplicas;
        Outcome outcome = Outcome.WITHIN_TOLERANCE;
        if (!tolerances.isWithin(ratio)) {
            replicas = saturatedCeil((double) usageMilli / (double) targetAverageMilli);
            outcome = Outcome.COMPUTED;
        }
        return new UsageProposal(replicas, perPodUsage(usageMilli, statusReplicas), outcome);
    }

    /** External metric, Value target: the sum of every returned series against the target. */
    public static UsageProposal externalValue(int currentReplicas, List<Long> valuesMilli, long targetMilli, Tolerances tolerances,
                                              List<PodSnapshot> pods) throws CalculationException {
        requireValues(valuesMilli);
        long usage = 0;
        for (long v : valuesMilli) {
            // Capped at MaxInt64 on positive overflow, as upstream.
            if (v > 0 && usage > Long.MAX_VALUE - v) {
                usage = Long.MAX_VALUE;
                break;
            }
            usage += v;
        }
        double ratio = (double) usage / (double) targetMilli;
        return usageRatioReplicas(currentReplicas, ratio, usage, tolerances, pods);
    }

    /** External metric, AverageValue target: {@code ceil(sum ÷ target)} unless within tolerance of the status count. */
    public static UsageProposal externalAverageValue(int statusReplicas, List<Long> valuesMilli, long targetAverageMilli,
                                                     Tolerances tolerances) throws CalculationException {
        requireValues(valuesMilli);
        long usage = 0;
        for (long v : valuesMilli) {
            usage += v;
            if (usage < 0) {
                // The only way here is an int64 overflow (values are non-negative).
                usage = Long.MAX_VALUE;
                break;
            }
        }
        double ratio = (double) usage / ((double) targetAverageMilli * (double) statusReplicas);
        int replicas = statusReplicas;
        Outcome outcome = Outcome.WITHIN_TOLERANCE;
        if (!tolerances.isWithin(ratio)) {
            replicas = saturatedCeil((double) usage / (double) targetAverageMilli);
            outcome = Outcome.COMPUTED;
        }
        return new UsageProposal(replicas, perPodUsage(usage, statusReplicas), outcome);
    }

    /** Running pods with Ready=True; deletion and the CPU warm-up rules are not considered ({@code getReadyPodsCount}). */
    public static int readyPods(List<PodSnapshot> pods) throws CalculationException {
        if (pods.isEmpty()) {
            throw new CalculationException("no pods returned by selector while calculating replica count");
        }
        int ready = 0;
        for (PodSnapshot pod : pods) {
            if (pod.phase() == PodSnapshot.Phase.RUNNING && pod.ready() != null && pod.ready().status()) {
                ready++;
            }
        }
        return ready;
    }

    /** {@code getUsageRatioReplicaCount}. */
    private static UsageProposal usageRatioReplicas(int currentReplicas, double ratio, long usage, Tolerances tolerances,
                                                    List<PodSnapshot> pods) throws CalculationException {
        if (currentReplicas == 0) {
            // Scaling from zero: no tolerance and no pods to count.
            return new UsageProposal((int) Math.ceil(ratio), usage, Outcome.COMPUTED);
        }
        if (tolerances.isWithin(ratio)) {
            return new UsageProposal(currentReplicas, usage, Outcome.WITHIN_TOLERANCE);
        }
        int ready;
        try {
            ready = readyPods(pods);
        } catch (CalculationException e) {
            throw e.wrap("unable to calculate ready pods");
        }
        double replicas = ratio * (double) ready;
        return new UsageProposal(replicas > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) Math.ceil(replicas), usage, Outcome.COMPUTED);
    }

    /** {@code getPerPodUsage}: MaxInt64 stays MaxInt64, zero replicas report 0. */
    static long perPodUsage(long usage, int statusReplicas) {
        if ((double) usage >= (double) Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        if (statusReplicas == 0) {
            return 0;
        }
        return (long) Math.ceil((double) usage / (double) statusReplicas);
    }

    private static int saturatedCeil(double value) {
        double c = Math.ceil(value);
        return c > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) c;
    }

    private static void requireValues(List<Long> values) throws CalculationException {
        if (values.isEmpty()) {
            throw new CalculationException("no metrics returned from external metrics API");
        }
    }
}
