package io.greenscale.analysis.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greenscale.analysis.fixtures.RunBuilder;
import io.greenscale.analysis.run.RunData;
import java.util.List;
import org.junit.jupiter.api.Test;

class FidelityTest {

    static RunBuilder sim(String name, long seed, int replicas) {
        return RunBuilder.simulated(name, "step", "greenscale", seed).latencyMillis(200, 100)
                .seconds(10, s -> s.readyReplicas(replicas).completions(10));
    }

    @Test
    void eachExperimentIsPairedWithTheLowestSeedSimulationOfItsScenarioAndPolicy() {
        RunData real = sim("real", 1, 4).info("kind", "experiment").info("seed", null).latencyMillis(300, 100).build();
        RunData other = RunBuilder.simulated("other", "step", "hpa-cpu70", 1).seconds(10, s -> s.readyReplicas(9)).build();
        List<RunData> runs = List.of(sim("sim-s2", 2, 1).build(), sim("sim-s1", 1, 3).build(), other, real);
        List<Fidelity> pairs = Analysis.of(runs, Overrides.NONE).fidelity();
        assertThat(pairs).hasSize(1);
        Fidelity f = pairs.getFirst();
        assertThat(f.simulated()).isEqualTo("sim-s1");
        assertThat(f.real()).isEqualTo("real");
        assertThat(f.commonSeconds()).isEqualTo(10);
        assertThat(f.replicaMae()).isEqualTo(1.0);
        assertThat(f.replicaRmse()).isEqualTo(1.0);
        assertThat(f.replicaSecondsRelativeError()).isCloseTo((30.0 - 40.0) / 40.0, within(1e-9));
        assertThat(f.p95RelativeError()).isNegative();
    }

    @Test
    void withoutAnExperimentThereIsNoPair() {
        assertThat(Analysis.of(List.of(sim("a", 1, 1).build()), Overrides.NONE).fidelity()).isEmpty();
    }
}
