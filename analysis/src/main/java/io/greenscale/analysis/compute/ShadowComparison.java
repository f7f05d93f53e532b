package io.greenscale.analysis.compute;

import io.greenscale.analysis.run.RunData;
import io.greenscale.loadgen.record.TimeseriesRow;
import io.greenscale.policy.DecisionRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A shadow run: GreenScale deciding beside a live HPA without applying anything. Each tick logs
 * the HPA's actual replica count ({@code observed_replicas}) next to GreenScale's decision, so
 * the two can be compared over the same load.
 *
 * @param hpaReplicaSeconds        the HPA's replica count integrated over the ticks (each held until the next)
 * @param greenscaleReplicaSeconds GreenScale's desired count integrated the same way
 * @param reasons                  how often each decision reason occurred, most frequent first
 * @param violationSeconds         the live cluster's SLO-violation seconds (null without timeseries or SLO)
 * @param violationSecondsWantedMore of those, the seconds in which GreenScale wanted more replicas than the HPA had
 */
public record ShadowComparison(
        String run,
        String target,
        List<Tick> ticks,
        double hpaReplicaSeconds,
        double greenscaleReplicaSeconds,
        Map<String, Long> reasons,
        long ticksHigher,
        long ticksLower,
        long ticksEqual,
        Long violationSeconds,
        Long violationSecondsWantedMore) {

    /** One tick: the HPA's replicas and GreenScale's desired replicas at {@code tSeconds}. */
    public record Tick(double tSeconds, int hpa, int greenscale, String reason) {}

    /** Null when the run logged no HPA replica counts to compare with. */
    public static ShadowComparison of(RunData run, Double sloMillis) {
        List<Tick> ticks = run.decisions().stream().filter(d -> d.observedReplicas() != null)
                .map(d -> new Tick(d.tS(), d.observedReplicas(), d.desired(), d.reason())).toList();
        if (ticks.isEmpty()) {
            return null;
        }
        double[] held = holdSeconds(ticks);
        double hpa = 0;
        double gs = 0;
        for (int i = 0; i < ticks.size(); i++) {
            hpa += ticks.get(i).hpa() * held[i];
            gs += ticks.get(i).greenscale() * held[i];
        }
        Long violations = sloMillis == null ? null : Violations.seconds(run.seconds(), sloMillis);
        Long wantedMore = violations == null ? null : run.seconds().stream()
                .filter(r -> Violations.violates(r, sloMillis) && wantedMore(ticks, r)).count();
        return new ShadowComparison(run.name(), run.decisions().getFirst().target(), ticks, hpa, gs, reasons(run.decisions()),
                ticks.stream().filter(t -> t.greenscale() > t.hpa()).count(),
                ticks.stream().filter(t -> t.greenscale() < t.hpa()).count(),
                ticks.stream().filter(t -> t.greenscale() == t.hpa()).count(), violations, wantedMore);
    }

    /** How long each tick's counts held: until the next tick; the last one for the median tick interval. */
    private static double[] holdSeconds(List<Tick> ticks) {
        int n = ticks.size();
        double[] held = new double[n];
        for (int i = 0; i + 1 < n; i++) {
            held[i] = ticks.get(i + 1).tSeconds() - ticks.get(i).tSeconds();
        }
        if (n > 1) {
            double[] gaps = Arrays.copyOf(held, n - 1);
            Arrays.sort(gaps);
            held[n - 1] = gaps[(n - 1) / 2];
        }
        return held;
    }

    /** The latest tick at or before the second: did GreenScale want more than the HPA had? */
    private static boolean wantedMore(List<Tick> ticks, TimeseriesRow second) {
        Tick latest = null;
        for (Tick t : ticks) {
            if (t.tSeconds() > second.tS()) {
                break;
            }
            latest = t;
        }
        return latest != null && latest.greenscale() > latest.hpa();
    }

    private static Map<String, Long> reasons(List<DecisionRecord> decisions) {
        Map<String, Long> counts = new LinkedHashMap<>();
        decisions.forEach(d -> counts.merge(d.reason(), 1L, Long::sum));
        Map<String, Long> sorted = new LinkedHashMap<>();
        new ArrayList<>(counts.entrySet()).stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
