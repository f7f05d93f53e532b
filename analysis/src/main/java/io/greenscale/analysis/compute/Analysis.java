package io.greenscale.analysis.compute;

import io.greenscale.analysis.run.RunData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a report shows, computed from runs in one pure step: the scorecards, their
 * aggregates per scenario × policy, who wins each scenario, what GreenScale's extra cost bought,
 * the shadow comparisons and the simulator-fidelity pairs.
 *
 * @param scorecards one per run, in input order
 * @param scenarios  in the order they first appear
 */
public record Analysis(
        List<Scorecard> scorecards,
        List<Aggregate> aggregates,
        List<Scenario> scenarios,
        List<Ranking> rankings,
        List<Tradeoff> tradeoffs,
        List<ShadowComparison> shadows,
        List<Fidelity> fidelity) {

    public Analysis {
        scorecards = List.copyOf(scorecards);
        aggregates = List.copyOf(aggregates);
        scenarios = List.copyOf(scenarios);
        rankings = List.copyOf(rankings);
        tradeoffs = List.copyOf(tradeoffs);
        shadows = List.copyOf(shadows);
        fidelity = List.copyOf(fidelity);
    }

    public static Analysis of(List<RunData> runs, Overrides overrides) {
        List<Scorecard> cards = Scorecards.of(runs, overrides);
        List<Aggregate> aggregates = Aggregation.of(cards);
        List<ShadowComparison> shadows = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            ShadowComparison s = ShadowComparison.of(runs.get(i), cards.get(i).sloP95Millis());
            if (s != null) {
                shadows.add(s);
            }
        }
        return new Analysis(cards, aggregates, scenarios(runs, cards, overrides), Ranking.of(aggregates),
                Tradeoff.of(aggregates), shadows, Fidelity.pairs(runs, cards));
    }

    /** The scorecards of one scenario, in input order. */
    public List<Scorecard> scorecards(String scenario) {
        return scorecards.stream().filter(c -> c.scenarioLabel().equals(scenario)).toList();
    }

    public List<Aggregate> aggregates(String scenario) {
        return aggregates.stream().filter(a -> a.scenario().equals(scenario)).toList();
    }

    private static List<Scenario> scenarios(List<RunData> runs, List<Scorecard> cards, Overrides overrides) {
        Map<String, Scenario> out = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            String key = cards.get(i).scenarioLabel();
            if (!out.containsKey(key)) {
                RunFacts f = RunFacts.of(runs.get(i)).with(overrides);
                out.put(key, new Scenario(key, Objects.requireNonNullElse(f.scenarioTitle(), key), f.scenarioDescription(),
                        f.sloP95Millis(), f.events()));
            }
        }
        return List.copyOf(out.values());
    }
}
