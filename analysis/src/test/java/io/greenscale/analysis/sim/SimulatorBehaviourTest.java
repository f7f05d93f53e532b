package io.greenscale.analysis.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greenscale.analysis.run.RunData;
import io.greenscale.analysis.scenario.Deployment;
import io.greenscale.analysis.scenario.PolicyCatalog;
import io.greenscale.analysis.scenario.Runner;
import io.greenscale.analysis.scenario.Scenario;
import io.greenscale.analysis.scenario.Scenarios;
import io.greenscale.loadgen.profile.Arrivals;
import io.greenscale.loadgen.profile.StepProfile;
import io.greenscale.loadgen.record.TimeseriesRow;
import io.greenscale.policy.DecisionRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SimulatorBehaviourTest {
    @TempDir
    Path dir;

    static List<String> scenarios() {
        return Scenarios.BUILT_IN;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void littles_law_holds_on_every_built_in_scenario(String name) {
        Scenario s = Scenarios.get(name);
        Simulation.Result r = Simulation.run(new Simulation.Setup(name, Map.of(), s.cluster(), s.arrivals(3), s.duration(),
                PolicyCatalog.initialReplicas("greenscale", s), PolicyCatalog.create("greenscale", Deployment.of(s)), true, 3,
                false, null));
        Simulation.Stats st = r.stats();
        // Requests still in the system when the run ends add area but no sojourn: a small, bounded edge.
        assertThat(st.meanInSystem()).isCloseTo(st.arrivalRate() * st.meanSojournSeconds(), within(0.02 * st.meanInSystem() + 0.5));
        assertThat(st.completed() + st.dropped()).isLessThanOrEqualTo(st.arrived());
    }

    @Test
    void the_same_seed_writes_byte_identical_files() throws Exception {
        Scenario s = Scenarios.get("flash-crowd");
        for (String run : List.of("a", "b")) {
            Runner.run(Runner.Plan.of(s, "greenscale", 7), dir.resolve(run), 10);
        }
        for (String file : List.of("timeseries.csv", "decisions.jsonl", "latency.hlog")) {
            assertThat(Files.readAllBytes(dir.resolve("a").resolve(file))).as(file).isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(file)));
        }
        Runner.run(Runner.Plan.of(s, "greenscale", 8), dir.resolve("c"), 10);
        assertThat(Files.readAllBytes(dir.resolve("c/timeseries.csv"))).as("another seed differs")
                .isNotEqualTo(Files.readAllBytes(dir.resolve("a/timeseries.csv")));
    }

    /**
     * A CPU-bound service steps from 40 to 160 requests/s at t = 100 s. The HPA syncs every 15 s and
     * reads CPU from metrics-server, whose samples cover the last 15 s: its first scale-up comes on a
     * 15-s sync, only after a sample taken after the step shows it.
     */
    @Test
    void another_noise_seed_replays_the_same_arrivals_under_other_service_times() {
        Scenario s = Scenarios.get("load-step");
        RunData base = Runner.run(Runner.Plan.of(s, "greenscale", 7), null, 10);
        RunData sameNoise = Runner.run(Runner.Plan.of(s, "greenscale", 7).withNoiseSeed(7), null, 10);
        RunData otherNoise = Runner.run(Runner.Plan.of(s, "greenscale", 7).withNoiseSeed(8), null, 10);

        assertThat(otherNoise.seconds().stream().map(TimeseriesRow::arrivals).toList())
                .isEqualTo(base.seconds().stream().map(TimeseriesRow::arrivals).toList());
        assertThat(sameNoise.latencyMicros()).isEqualTo(base.latencyMicros());
        assertThat(otherNoise.latencyMicros()).isNotEqualTo(base.latencyMicros());
    }

    @Test
    void the_hpa_syncs_every_15s_and_sees_cpu_through_metrics_server() {
        Scenario cpu = Scenarios.get("cpu-bound");
        StepProfile step = new StepProfile(List.of(new StepProfile.Step(40, Duration.ofSeconds(100)),
                new StepProfile.Step(160, Duration.ofSeconds(200))));
        Simulation.Result r = Simulation.run(new Simulation.Setup("hpa", Map.of(), cpu.cluster(), Arrivals.poisson(step, 5),
                Duration.ofSeconds(300), 4, PolicyCatalog.create("hpa-cpu70", Deployment.of(cpu)), false, 5, true, null));
        RunData run = r.run();
        List<Double> times = run.decisions().stream().map(DecisionRecord::tS).toList();
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 1)).as("sync period").isEqualTo(15.0);
        }
        double firstUp = run.decisions().stream().filter(d -> d.desired() > d.current()).mapToDouble(DecisionRecord::tS).min().orElseThrow();
        // The true per-second CPU jumps at once …
        TimeseriesRow after = run.seconds().get(102);
        assertThat(after.cpu()).isGreaterThan(0.8);
        // … but the first metrics-server sample after the step is at 105 s, and it covers 90–105 s.
        assertThat(firstUp).isGreaterThanOrEqualTo(105.0);
        assertThat(firstUp % 15).isZero();
        DecisionRecord atStep = run.decisions().stream().filter(d -> d.tS() == 105.0).findFirst().orElseThrow();
        assertThat(atStep.why().signals().getFirst().raw() / 100).as("the HPA's CPU at 105 s still averages in the quiet 90–100 s")
                .isLessThan(after.cpu());
    }

    @Test
    void the_oracle_keeps_the_slo_where_it_can_and_costs_less_than_the_ceiling() {
        Scenario s = Scenarios.get("load-step");
        RunData oracle = Runner.run(Runner.Plan.of(s, "oracle", 2), null, 10);
        RunData max = Runner.run(Runner.Plan.of(s, "always-max", 2), null, 10);
        long violating = oracle.seconds().stream().filter(r -> r.p95Ms() != null && r.p95Ms() > s.slo().toMillis()).count();
        assertThat(violating).isLessThan(10);
        assertThat(replicaSeconds(oracle)).isLessThan(replicaSeconds(max) / 2);
        assertThat(oracle.latencyMicros().getValueAtPercentile(95)).isLessThan(s.slo().toNanos() / 1000);
    }

    @Test
    void a_killed_pod_hands_its_jobs_back_to_the_work_queue() {
        // Ten replicas busy with 2-minute jobs scale to one at t = 30 s: the 30 s grace ends before the jobs do.
        io.greenscale.policy.config.ConfigProblems problems = new io.greenscale.policy.config.ConfigProblems();
        ClusterModel model = ClusterModelReader.read(io.greenscale.policy.config.ConfigNode.root(Map.of(
                "service", Map.of("base", "120s", "distribution", "deterministic", "concurrency", 1)), "cluster", problems), null);
        Simulation.Result r = Simulation.run(new Simulation.Setup("kill", Map.of(), model,
                Arrivals.uniform(new io.greenscale.loadgen.profile.ConstantProfile(1, Duration.ofSeconds(10))),
                Duration.ofSeconds(1500), 10, new ScriptedPolicy(t -> t < 30 ? 10 : 1), false, 1, false, null));
        assertThat(r.stats().interrupted()).isPositive();
        assertThat(r.stats().completed()).as("requeued, not lost").isEqualTo(r.stats().arrived());
    }

    /** Replicas as a function of the second: a scripted operator. */
    private record ScriptedPolicy(java.util.function.LongUnaryOperator replicasAt) implements io.greenscale.policy.Policy {
        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public Duration syncPeriod() {
            return Duration.ofSeconds(5);
        }

        @Override
        public java.util.Set<io.greenscale.policy.signal.Signal> inputs() {
            return java.util.Set.of();
        }

        @Override
        public io.greenscale.policy.PolicyState initialState() {
            return new io.greenscale.policy.PolicyState() {};
        }

        @Override
        public io.greenscale.policy.Decision decide(io.greenscale.policy.signal.Signals signals, io.greenscale.policy.PolicyState state,
                                                   java.time.Instant now) {
            int desired = (int) replicasAt.applyAsLong(Duration.between(Simulation.EPOCH, now).toSeconds());
            return new io.greenscale.policy.Decision(signals.currentReplicas(), desired, io.greenscale.policy.Reason.STEADY,
                    new io.greenscale.policy.Explanation.Builder().build(), state);
        }
    }

    private static long replicaSeconds(RunData run) {
        return run.seconds().stream().mapToLong(r -> r.readyReplicas() + r.startingReplicas() + r.terminatingReplicas()).sum();
    }
}
