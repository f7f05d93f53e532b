package io.greenscale.analysis.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greenscale.loadgen.profile.Arrivals;
import io.greenscale.loadgen.profile.ConstantProfile;
import io.greenscale.policy.config.ConfigNode;
import io.greenscale.policy.config.ConfigProblems;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The queueing core against closed-form theory: M/M/c waits (Erlang C) and Little's law. */
class QueueingTheoryTest {

    static ClusterModel mmc(double meanServiceSeconds, int slots) {
        ConfigProblems problems = new ConfigProblems();
        ClusterModel model = ClusterModelReader.read(ConfigNode.root(Map.of(
                "dispatch", "queue",
                "service", Map.of("base", meanServiceSeconds, "distribution", "exponential", "concurrency", slots)), "cluster", problems), null);
        problems.throwIfAny();
        return model;
    }

    /** Mean wait in queue of M/M/c: C(c, a) / (cμ − λ). */
    static double erlangCWait(double lambda, double mu, int c) {
        double a = lambda / mu;
        double term = 1;
        double sum = 1;
        for (int k = 1; k < c; k++) {
            term *= a / k;
            sum += term;
        }
        double last = term * a / c * (c / (c - a));
        double erlangC = last / (sum + last);
        return erlangC / (c * mu - lambda);
    }

    @ParameterizedTest(name = "λ={0}/s, {2} replicas × {3} slots, mean service {1}s")
    @CsvSource({
            "8, 1.0, 10, 1",
            "18, 0.5, 5, 2",
            "3.5, 1.0, 4, 1"})
    void mean_wait_matches_erlang_c_within_5_percent_and_littles_law_holds(double lambda, double meanService, int replicas, int slots) {
        ClusterModel model = mmc(meanService, slots);
        Duration duration = Duration.ofHours(20);
        Simulation.Result r = Simulation.run(new Simulation.Setup("mmc", Map.of(), model,
                Arrivals.poisson(new ConstantProfile(lambda, duration), 42), duration, replicas,
                new FixedPolicy("fixed", replicas), false, 42, false, null));
        double expectedWait = erlangCWait(lambda, 1 / meanService, replicas * slots);
        double simulatedWait = r.stats().meanSojournSeconds() - meanService;
        assertThat(simulatedWait).as("mean wait").isCloseTo(expectedWait, within(0.05 * expectedWait));

        Simulation.Stats s = r.stats();
        assertThat(s.meanInSystem()).as("Little: L = λW").isCloseTo(s.arrivalRate() * s.meanSojournSeconds(), within(0.01 * s.meanInSystem()));
    }
}
