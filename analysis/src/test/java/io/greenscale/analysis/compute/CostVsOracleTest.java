package io.greenscale.analysis.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscale.analysis.fixtures.RunBuilder;
import io.greenscale.analysis.run.RunData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostVsOracleTest {

    static RunData run(String name, String scenario, String policy, long seed, int replicas) {
        return RunBuilder.simulated(name, scenario, policy, seed).seconds(3600, s -> s.readyReplicas(replicas)).build();
    }

    static Double ratio(List<RunData> runs, String name) {
        return Scorecards.of(runs, Overrides.NONE).stream().filter(c -> c.run().equals(name)).findFirst().orElseThrow().costVsOracle();
    }

    @Test
    void costIsDividedByTheOracleOfTheSameScenarioAndSeed() {
        List<RunData> runs = List.of(run("g1", "step", "greenscale", 1, 6), run("o1", "step", "oracle", 1, 4),
                run("o2", "step", "oracle", 2, 3), run("o1-ramp", "ramp", "oracle", 1, 2));
        assertThat(ratio(runs, "g1")).isEqualTo(1.5);
        assertThat(ratio(runs, "o1")).isEqualTo(1.0);
    }

    @Test
    void withoutAnOracleRunThereIsNoRatio() {
        List<RunData> runs = List.of(run("g1", "step", "greenscale", 1, 6), run("o2", "step", "oracle", 2, 3));
        assertThat(ratio(runs, "g1")).isNull();
    }

    @Test
    void withoutAPriceReplicaSecondsAreCompared() {
        RunData g = RunBuilder.simulated("g", "step", "greenscale", 1).without("cost").seconds(10, s -> s.readyReplicas(3)).build();
        RunData o = RunBuilder.simulated("o", "step", "oracle", 1).without("cost").seconds(10, s -> s.readyReplicas(2)).build();
        assertThat(ratio(List.of(g, o), "g")).isEqualTo(1.5);
    }

    @Test
    void aSingleRunScorecardHasNoRatio() {
        assertThat(Scorecards.of(run("o1", "step", "oracle", 1, 4), Overrides.NONE).costVsOracle()).isNull();
    }

    @Test
    void aRunWithoutAScenarioIsComparedWithNothing() {
        RunData bare = RunBuilder.bare("x").info("policy", Map.of("name", "greenscale")).seconds(5, s -> s.readyReplicas(1)).build();
        RunData oracle = RunBuilder.bare("o").info("policy", Map.of("name", "oracle")).seconds(5, s -> s.readyReplicas(1)).build();
        assertThat(ratio(List.of(bare, oracle), "x")).isNull();
    }
}
