package io.greenscale.analysis.compute;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
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
                .flatMap(e -> repetitions(e.getKey(), e.getValue()).entrySet().stream())
                .sorted(Comparator.comparing(e -> isReference(e.getValue())))
                .forEach(e -> out.add(aggregate(scenario, e.getKey(), e.getValue()))));
        return out;
    }

    /**
     * Runs of one policy are averaged only when they are repetitions: each with its own seed.
     * Runs without seeds, or sharing one (e.g. two real experiments with different settings),
     * each stand alone, labelled with the run's name.
     */
    private static Map<String, List<Scorecard>> repetitions(String policy, List<Scorecard> runs) {
        Set<Long> seeds = new HashSet<>();
        boolean distinct = runs.stream().allMatch(c -> c.seed() != null && seeds.add(c.seed()));
        Map<String, List<Scorecard>> out = new LinkedHashMap<>();
        if (runs.size() == 1 || distinct) {
            out.put(policy, runs);
        } else {
            runs.forEach(c -> out.put(c.policy() == null ? c.run() : policy + " (" + c.run() + ")", List.of(c)));
        }
        return out;
    }

    private static Aggregate aggregate(String scenario, String policy, List<Scorecard> runs) {
        Map<Metric, Estimate> estimates = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            estimates.put(m, Estimate.of(runs.stream().map(m::of).toList()));
        }
        return new Aggregate(scenario, policy, runs.stream().map(Scorecard::run).toList(),
                runs.stream().map(Scorecard::seed).filter(Objects::nonNull).toList(), estimates, isReference(runs));
    }

    private static boolean isReference(List<Scorecard> runs) {
        return runs.stream().allMatch(c -> c.isShadow() || (c.policy() != null && REFERENCES.contains(c.policy())));
    }
}
