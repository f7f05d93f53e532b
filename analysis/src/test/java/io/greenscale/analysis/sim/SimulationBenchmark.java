package io.greenscale.analysis.sim;

import io.greenscale.analysis.scenario.PolicyCatalog;
import io.greenscale.analysis.scenario.Scenario;
import io.greenscale.analysis.scenario.Scenarios;
import io.greenscale.analysis.scenario.Deployment;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Simulated requests per second on one core: one whole run of a built-in scenario with GreenScale
 * deciding, in memory (no run directory). The score is runs per second; multiply by the run's
 * request count (printed once at set-up) for requests per second.
 * Run: {@code ./greenscale bench analysis SimulationBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class SimulationBenchmark {
    @Param({"load-step", "cpu-bound", "azure-llm"})
    public String scenario;

    private Scenario s;
    private Deployment d;

    @Setup
    public void setUp() {
        s = Scenarios.get(scenario);
        d = Deployment.of(s);
        Simulation.Result r = run();
        System.out.printf("%n%s: %d requests per run%n", scenario, r.stats().arrived());
    }

    private Simulation.Result run() {
        return Simulation.run(new Simulation.Setup(s.name(), Map.of(), s.cluster(), s.arrivals(1), s.duration(),
                s.initialReplicas(), PolicyCatalog.create("greenscale", d), true, 1, false, null));
    }

    @Benchmark
    public void simulate(Blackhole bh) {
        bh.consume(run());
    }
}
