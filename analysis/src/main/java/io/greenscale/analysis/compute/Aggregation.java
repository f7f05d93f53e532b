package io.greenscale.analysis.compute;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Groups scorecards by scenario × policy and estimates each figure over the group's runs.
 * Scenarios keep their input order; policies too, except the references (the oracle,
 * always-max, a shadow run's live cluster), which come last in each scenario: they bound or
 * watch the others rather than compete.
 */
public final class Aggregation {
    /** Policies that mark the limits of autoscaling rather than compete with the others. */
    public static final Set<String> REFERENCES = Set.of(Scorecards.ORACLE, "always-max");

    private Aggregation() {}

    public static List<Aggregate> of(List<Scorecard> cards) {
        Map<String, Map<String, List<Scorecard>>> groups = new LinkedHashMap<>();
        for (Scorecard c : cards) {
            groups.computeIfAbsent(c.scenarioLabel(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(c.policyLabel(), k -> new ArrayList<>()).add(c);
        }
        List<Aggregate> out = new ArrayList<>();
        groups.forEach((scenario, byPolicy) -> byPolicy.entrySet().stream()
                .sorted(Comparator.comparing(e -> isReference(e.getKey(), e.getValue())))
                .forEach(e -> out.add(aggregate(scenario, e.getKey(), e.getValue()))));
        return out;
    }

    private static Aggregate aggregate(String scenario, String policy, List<Scorecard> runs) {
        Map<Metric, Estimate> estimates = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            estimates.put(m, Estimate.of(runs.stream().map(m::of).toList()));
        }
        return new Aggregate(scenario, policy, runs.stream().map(Scorecard::run).toList(),
                runs.stream().map(Scorecard::seed).filter(Objects::nonNull).toList(), estimates, isReference(policy, runs));
    }

    private static boolean isReference(String policy, List<Scorecard> runs) {
        return REFERENCES.contains(policy) || runs.stream().allMatch(Scorecard::isShadow);
    }
}
