package io.greenscale.analysis.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscale.analysis.fixtures.RunBuilder;
import io.greenscale.analysis.run.RunData;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShadowComparisonTest {

    static RunBuilder shadow() {
        return RunBuilder.bare("shadow-1").info("kind", "shadow").info("slo", Map.of("p95_ms", 500))
                .decision(0, 2, 2, 2, "STEADY")
                .decision(15, 2, 4, 2, "SCALE_UP")
                .decision(30, 2, 4, 3, "STABILIZED")
                .decision(45, 3, 3, 3, "STEADY")
                .decision(60, 3, 3, 3, "STEADY");
    }

    @Test
    void replicaSecondsHoldEachTicksCountUntilTheNextAndTheLastForOneTick() {
        ShadowComparison s = ShadowComparison.of(shadow().build(), null);
        assertThat(s.hpaReplicaSeconds()).isEqualTo(15.0 * (2 + 2 + 3 + 3 + 3));
        assertThat(s.greenscaleReplicaSeconds()).isEqualTo(15.0 * (2 + 4 + 4 + 3 + 3));
        assertThat(s.target()).isEqualTo("default/deployment/infer");
    }

    @Test
    void countsTicksWhereGreenScaleWantedMoreFewerOrTheSame() {
        ShadowComparison s = ShadowComparison.of(shadow().build(), null);
        assertThat(new long[] {s.ticksHigher(), s.ticksLower(), s.ticksEqual()}).containsExactly(2, 0, 3);
    }

    @Test
    void reasonsAreCountedMostFrequentFirst() {
        assertThat(ShadowComparison.of(shadow().build(), null).reasons())
                .containsExactly(Map.entry("STEADY", 3L), Map.entry("SCALE_UP", 1L), Map.entry("STABILIZED", 1L));
    }

    @Test
    void violationSecondsAreSplitByWhetherGreenScaleWantedMore() {
        RunData run = shadow()
                .seconds(20, s -> s.completions(10).latencyMillis(10.0, 100.0, 100.0))   // 0–19: fine
                .seconds(20, s -> s.completions(10).latencyMillis(10.0, 900.0, 900.0))   // 20–39: GreenScale wanted 4, HPA had 2–3
                .seconds(10, s -> s.completions(10).latencyMillis(10.0, 900.0, 900.0))   // 40–49: GreenScale agreed from 45 on
                .build();
        ShadowComparison s = ShadowComparison.of(run, 500.0);
        assertThat(s.violationSeconds()).isEqualTo(30);
        assertThat(s.violationSecondsWantedMore()).isEqualTo(25);
    }

    @Test
    void aRunWithoutObservedReplicasIsNoShadowRun() {
        assertThat(ShadowComparison.of(RunBuilder.bare("x").decision(0, 1, 2).build(), null)).isNull();
    }

    @Test
    void aShadowRunsScaleEventsAreTheLiveClustersNotTheUnappliedDecisions() {
        Scorecard c = Scorecards.of(shadow().build(), Overrides.NONE);
        assertThat(c.scaleEvents()).as("the HPA went 2 → 3 once").isEqualTo(1);
    }

    @Test
    void aShadowRunIsFiledAsTheLiveClusterAndNotRankedAgainstSimulatedPolicies() {
        RunData live = shadow().info("scenario", Map.of("name", "step")).info("policy", Map.of("name", "greenscale")).build();
        RunData sim = RunBuilder.simulated("sim", "step", "hpa-cpu70", 1).seconds(5, s -> s.readyReplicas(1)).build();
        Analysis a = Analysis.of(java.util.List.of(live, sim), Overrides.NONE);
        assertThat(a.aggregates()).extracting(Aggregate::policy).containsExactly("hpa-cpu70", "live cluster (greenscale in shadow)");
        assertThat(a.rankings().getFirst().ranked()).extracting(Aggregate::policy).containsExactly("hpa-cpu70");
        assertThat(a.shadows()).hasSize(1);
    }
}
