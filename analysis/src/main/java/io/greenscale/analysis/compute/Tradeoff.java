package io.greenscale.analysis.compute;

import java.util.ArrayList;
import java.util.List;

/**
 * What GreenScale's extra cost bought over an HPA or KEDA policy on one scenario: an autoscaler
 * that never scales a GPU-bound service is cheap and useless, so spending more is only a loss
 * when it buys no SLO.
 *
 * @param extraHours          how many more GPU-hours (or replica-hours, where GPUs per replica are unknown) GreenScale held
 * @param gpuHours            true when {@code extraHours} are GPU-hours
 * @param extraCost           how much more it cost, in the report's currency; null without a price
 * @param violationSecondsAvoided the other policy's SLO-violation seconds minus GreenScale's (negative: it lost)
 * @param attainmentGained    GreenScale's SLO attainment minus the other's, as a fraction
 * @param avoidedPerExtraHour violation seconds avoided per extra hour held
 * @param beyondNoise         the violation seconds' 95 % intervals do not overlap
 */
public record Tradeoff(
        String scenario,
        String greenscale,
        String other,
        double extraHours,
        boolean gpuHours,
        Double extraCost,
        Double violationSecondsAvoided,
        Double attainmentGained,
        Double avoidedPerExtraHour,
        boolean beyondNoise) {

    /** Every scenario × (GreenScale policy, HPA/KEDA policy) pair where GreenScale held more. */
    public static List<Tradeoff> of(List<Aggregate> aggregates) {
        List<Tradeoff> out = new ArrayList<>();
        for (Aggregate g : aggregates) {
            if (!g.policy().startsWith("greenscale")) {
                continue;
            }
            for (Aggregate o : aggregates) {
                if (o.scenario().equals(g.scenario()) && isAnchor(o.policy())) {
                    compare(g, o, out);
                }
            }
        }
        return out;
    }

    static boolean isAnchor(String policy) {
        return policy.startsWith("hpa") || policy.startsWith("keda");
    }

    private static void compare(Aggregate g, Aggregate o, List<Tradeoff> out) {
        // A CPU-only service holds no GPU-hours: compare the replica-hours it held instead.
        boolean gpu = positive(g.mean(Metric.GPU_HOURS)) && positive(o.mean(Metric.GPU_HOURS));
        Double gHours = gpu ? g.mean(Metric.GPU_HOURS) : hours(g.mean(Metric.REPLICA_SECONDS));
        Double oHours = gpu ? o.mean(Metric.GPU_HOURS) : hours(o.mean(Metric.REPLICA_SECONDS));
        if (gHours == null || oHours == null || gHours <= oHours) {
            return;
        }
        double extra = gHours - oHours;
        Double extraCost = minus(g.mean(Metric.COST), o.mean(Metric.COST));
        Double avoided = minus(o.mean(Metric.VIOLATION_SECONDS), g.mean(Metric.VIOLATION_SECONDS));
        Double gained = minus(g.mean(Metric.SLO_ATTAINMENT), o.mean(Metric.SLO_ATTAINMENT));
        boolean separated = g.get(Metric.VIOLATION_SECONDS).separatedFrom(o.get(Metric.VIOLATION_SECONDS));
        out.add(new Tradeoff(g.scenario(), g.policy(), o.policy(), extra, gpu, extraCost, avoided, gained,
                avoided == null ? null : avoided / extra, separated));
    }

    private static boolean positive(Double v) {
        return v != null && v > 0;
    }

    private static Double hours(Double seconds) {
        return seconds == null ? null : seconds / 3600.0;
    }

    private static Double minus(Double a, Double b) {
        return a == null || b == null ? null : a - b;
    }
}
