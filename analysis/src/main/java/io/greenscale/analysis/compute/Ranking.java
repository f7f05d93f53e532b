package io.greenscale.analysis.compute;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which policy wins a scenario: the fewest SLO-violation seconds, then the lowest cost. The
 * reference policies (oracle, always-max) are not ranked.
 *
 * @param ranked the competing policies, best first
 */
public record Ranking(String scenario, List<Aggregate> ranked) {

    public Ranking {
        ranked = List.copyOf(ranked);
    }

    public Aggregate best() {
        return ranked.isEmpty() ? null : ranked.getFirst();
    }

    /** One ranking per scenario, in the aggregates' order. */
    public static List<Ranking> of(List<Aggregate> aggregates) {
        Map<String, List<Aggregate>> byScenario = new LinkedHashMap<>();
        for (Aggregate a : aggregates) {
            List<Aggregate> list = byScenario.computeIfAbsent(a.scenario(), k -> new ArrayList<>());
            if (!a.reference()) {
                list.add(a);
            }
        }
        Comparator<Aggregate> order = Comparator
                .comparing((Aggregate a) -> a.mean(Metric.VIOLATION_SECONDS), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Ranking::costProxy, Comparator.nullsLast(Comparator.naturalOrder()));
        return byScenario.entrySet().stream()
                .map(e -> new Ranking(e.getKey(), e.getValue().stream().sorted(order).toList())).toList();
    }

    /** The best cost figure the runs have: ×oracle, then cost, then GPU-hours, then replica-seconds. */
    static Double costProxy(Aggregate a) {
        for (Metric m : List.of(Metric.COST_VS_ORACLE, Metric.COST, Metric.GPU_HOURS, Metric.REPLICA_SECONDS)) {
            if (a.mean(m) != null) {
                return a.mean(m);
            }
        }
        return null;
    }
}
