package io.greenscale.analysis.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greenscale.analysis.fixtures.RunBuilder;
import io.greenscale.analysis.run.RunData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggregationTest {

    /** A run whose violation seconds and replicas are set directly. */
    static RunData run(String scenario, String policy, long seed, int violating, int replicas) {
        return RunBuilder.simulated(scenario + "-" + policy + "-" + seed, scenario, policy, seed)
                .seconds(violating, s -> s.completions(1).readyReplicas(replicas).latencyMillis(10.0, 900.0, 900.0))
                .seconds(100 - violating, s -> s.completions(1).readyReplicas(replicas).latencyMillis(10.0, 100.0, 100.0))
                .latencyMillis(10, 100).build();
    }

    static Analysis analyse(List<RunData> runs) {
        return Analysis.of(runs, Overrides.NONE);
    }

    @Test
    void groupsByScenarioAndPolicyKeepingInputOrderAndPuttingReferencesLast() {
        List<RunData> runs = new ArrayList<>();
        for (String scenario : List.of("step", "ramp")) {
            for (String policy : List.of("oracle", "hpa-cpu70", "always-max", "greenscale")) {
                for (long seed = 1; seed <= 2; seed++) {
                    runs.add(run(scenario, policy, seed, 0, 1));
                }
            }
        }
        List<Aggregate> a = analyse(runs).aggregates();
        assertThat(a).extracting(x -> x.scenario() + "/" + x.policy()).containsExactly(
                "step/hpa-cpu70", "step/greenscale", "step/oracle", "step/always-max",
                "ramp/hpa-cpu70", "ramp/greenscale", "ramp/oracle", "ramp/always-max");
        assertThat(a.getFirst().seeds()).containsExactly(1L, 2L);
        assertThat(a.getFirst().runs()).containsExactly("step-hpa-cpu70-1", "step-hpa-cpu70-2");
    }

    @Test
    void eachFigureIsAveragedOverSeedsWithItsInterval() {
        Aggregate a = analyse(List.of(run("step", "greenscale", 1, 10, 1), run("step", "greenscale", 2, 20, 1),
                run("step", "greenscale", 3, 30, 1))).aggregates().getFirst();
        assertThat(a.mean(Metric.VIOLATION_SECONDS)).isEqualTo(20.0);
        assertThat(a.get(Metric.VIOLATION_SECONDS).ci95()).isCloseTo(4.302653 * 10 / Math.sqrt(3), within(1e-5));
        assertThat(a.get(Metric.COST_VS_ORACLE)).isEqualTo(Estimate.NONE);
    }

    @Test
    void rankingPutsFewestViolationsFirstThenLowestCostAndLeavesReferencesOut() {
        Ranking r = analyse(List.of(run("step", "hpa-cpu70", 1, 40, 2), run("step", "greenscale", 1, 5, 3),
                run("step", "keda-queue", 1, 5, 2), run("step", "oracle", 1, 0, 2))).rankings().getFirst();
        assertThat(r.ranked()).extracting(Aggregate::policy).containsExactly("keda-queue", "greenscale", "hpa-cpu70");
        assertThat(r.best().policy()).isEqualTo("keda-queue");
    }

    @Test
    void extraCostIsWeighedAgainstTheViolationsItAvoided() {
        List<Tradeoff> t = analyse(List.of(run("step", "greenscale", 1, 10, 3), run("step", "hpa-cpu70", 1, 70, 1),
                run("step", "hpa-cpu90", 1, 90, 4))).tradeoffs();
        assertThat(t).hasSize(1);
        Tradeoff g = t.getFirst();
        assertThat(g.other()).isEqualTo("hpa-cpu70");
        assertThat(g.gpuHours()).isTrue();
        assertThat(g.extraHours()).isCloseTo(200 / 3600.0, within(1e-9)); // 100 s × (3 − 1) replicas
        assertThat(g.extraCost()).isCloseTo(200 / 3600.0 * 2.5, within(1e-9));
        assertThat(g.violationSecondsAvoided()).isEqualTo(60.0);
        assertThat(g.avoidedPerExtraHour()).isCloseTo(60 / (200 / 3600.0), within(1e-6));
    }

    @Test
    void extraCostThatBoughtNothingIsShownAsSuch() {
        Tradeoff t = analyse(List.of(run("step", "greenscale", 1, 50, 3), run("step", "hpa-cpu70", 1, 20, 1)))
                .tradeoffs().getFirst();
        assertThat(t.violationSecondsAvoided()).isEqualTo(-30.0);
    }

    @Test
    void runsOfOnePolicyWithoutDistinctSeedsStandAloneInsteadOfBeingAveraged() {
        RunData a = RunBuilder.bare("exp-a").info("kind", "experiment").info("scenario", java.util.Map.of("name", "step"))
                .info("policy", java.util.Map.of("name", "greenscale")).seconds(3, s -> s.readyReplicas(2)).build();
        RunData b = RunBuilder.bare("exp-b").info("kind", "experiment").info("scenario", java.util.Map.of("name", "step"))
                .info("policy", java.util.Map.of("name", "greenscale")).seconds(3, s -> s.readyReplicas(4)).build();
        RunData load = RunBuilder.bare("loadgen-1").info("scenario", java.util.Map.of("name", "step")).seconds(3, s -> s.arrivals(1)).build();
        assertThat(analyse(List.of(a, b, load)).aggregates()).extracting(Aggregate::policy, x -> x.mean(Metric.REPLICA_SECONDS))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("greenscale (exp-a)", 6.0),
                        org.assertj.core.groups.Tuple.tuple("greenscale (exp-b)", 12.0),
                        org.assertj.core.groups.Tuple.tuple("loadgen-1", null));
    }
}
