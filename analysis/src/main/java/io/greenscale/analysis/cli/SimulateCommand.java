package io.greenscale.analysis.cli;

import io.greenscale.analysis.run.RunData;
import io.greenscale.analysis.scenario.PolicyCatalog;
import io.greenscale.analysis.scenario.Runner;
import io.greenscale.analysis.scenario.Scenario;
import io.greenscale.analysis.scenario.Scenarios;
import io.greenscale.analysis.scenario.WorkloadSource;
import io.greenscale.analysis.sim.ClusterModel;
import io.greenscale.analysis.sim.ClusterModelReader;
import io.greenscale.analysis.write.Report;
import io.greenscale.analysis.write.ReportOptions;
import io.greenscale.analysis.write.ScorecardJson;
import io.greenscale.loadgen.profile.Workloads;
import io.greenscale.policy.Policies;
import io.greenscale.policy.Policy;
import io.greenscale.policy.config.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code greenscale simulate}: one policy on one workload in the simulated cluster. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Run one policy on one workload in the simulated cluster and write a run directory.",
                "",
                "--workload is a built-in scenario (${COMPLETION-CANDIDATES}) — which brings its cluster, SLO and",
                "replica bounds — or a loadgen workload name (step, ramp, bursty, spike, diurnal), a profile YAML,",
                "or a trace: per request (t_ms,input_tokens,output_tokens,...), a count series (t_s,requests),",
                "or a plain list of requests per second, one per line."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the run directory was written", "1:invalid input (the message names it)", "2:usage error"})
public final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--policy", required = true, paramLabel = "NAME|FILE",
            description = "A built-in policy (greenscale, hpa-cpu70, hpa-cpu90, hpa-gpu, keda-queue, oracle, always-max) or a policy YAML (type: greenscale | hpa | keda).")
    String policy;

    @Option(names = "--workload", required = true, paramLabel = "NAME|FILE", completionCandidates = CompareCommand.ScenarioNames.class,
            description = "A built-in scenario, a loadgen workload, a profile YAML or a trace file.")
    String workload;

    @Option(names = "--cluster", paramLabel = "FILE", description = "Cluster-model YAML (see analysis/examples/cluster.yaml); overrides a scenario's.")
    Path cluster;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for arrivals and service times (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--rate-scale", defaultValue = "1", paramLabel = "X", description = "Multiply the arrival rate (default: ${DEFAULT-VALUE}).")
    double rateScale;

    @Option(names = "--time-scale", defaultValue = "1", paramLabel = "X", description = "Stretch time: 0.5 plays the workload in half the time (default: ${DEFAULT-VALUE}).")
    double timeScale;

    @Option(names = "--duration", paramLabel = "DURATION", description = "How long to simulate, e.g. 30m (default: the workload's length).")
    Duration duration;

    @Option(names = "--slo", paramLabel = "DURATION", description = "p95 latency SLO (default: the scenario's, else 1s).")
    Duration slo;

    @Option(names = "--min", paramLabel = "N", description = "Minimum replicas; 0 allows scaling to zero (default: the scenario's, else 1).")
    Integer min;

    @Option(names = "--max", paramLabel = "N", description = "Maximum replicas (default: the scenario's, else 20).")
    Integer max;

    @Option(names = "--initial", paramLabel = "N", description = "Replicas at the start (default: the scenario's, else the minimum).")
    Integer initial;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The run directory to write (must not hold a run yet).")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!(rateScale > 0) || !(timeScale > 0)) {
            err.println("--rate-scale and --time-scale must be > 0");
            return 2;
        }
        if (Files.exists(out.resolve("run.json"))) {
            err.println("--out " + out + ": already holds a run; choose another directory");
            return 2;
        }
        Scenario s = scenario();
        Runner.Plan plan = policyPlan(s);
        long started = System.nanoTime();
        RunData run = Runner.run(plan, out, 1);
        double seconds = (System.nanoTime() - started) / 1e9;
        long requests = run.seconds().stream().mapToLong(r -> r.arrivals() == null ? 0 : r.arrivals()).sum();
        err.printf("simulated %s on %s: %,d requests over %s in %.2f s (%,.0f simulated requests per second) → %s%n",
                plan.policyName(), s.name(), requests, io.greenscale.policy.config.Durations.format(s.duration()), seconds,
                requests / seconds, out);
        Report.writeScorecard(out, run, ReportOptions.runs(Instant.now()));
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(Files.readString(out.resolve(ScorecardJson.FILE)));
        stdout.flush();
        return 0;
    }

    private Scenario scenario() throws IOException {
        Scenario base;
        if (Scenarios.BUILT_IN.contains(workload)) {
            base = Scenarios.get(workload);
        } else {
            WorkloadSource source = WorkloadSource.of(Workloads.resolve(workload));
            base = new Scenario(Path.of(workload).getFileName().toString(), workload, "", ClusterModelReader.defaults(), source,
                    source.duration(), 1, 20, 1, Duration.ofSeconds(1), List.of());
        }
        ClusterModel model = cluster == null ? base.cluster() : ClusterModelReader.readFile(cluster);
        WorkloadSource source = base.workload().scaled(rateScale, timeScale);
        Duration d = duration != null ? duration
                : Scenarios.BUILT_IN.contains(workload) ? Duration.ofNanos(Math.round(base.duration().toNanos() * timeScale)) : source.duration();
        int mx = max != null ? max : base.maxReplicas();
        int mn = min != null ? min : base.minReplicas();
        if (mn < 0 || mx < 1 || mn > mx) {
            throw new ConfigException(List.of("--min " + mn + " / --max " + mx + ": need 0 <= min <= max and max >= 1"));
        }
        int init = initial != null ? initial : Math.clamp(base.initialReplicas(), mn, mx);
        return new Scenario(base.name(), base.title(), base.description(), model, source, d, mn, mx, init,
                slo != null ? slo : base.slo(), base.events());
    }

    private Runner.Plan policyPlan(Scenario s) {
        if (PolicyCatalog.NAMES.contains(policy)) {
            return Runner.Plan.of(s, policy, seed);
        }
        Path file = Path.of(policy);
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(List.of("--policy " + policy + ": neither a built-in policy (" + String.join(", ", PolicyCatalog.NAMES)
                    + ") nor a file"));
        }
        Map<String, Object> section = PolicyFile.section(file);
        Policy p = Policies.fromMap(section, "policy");
        return new Runner.Plan(s, p.name(), p, seed, Map.of());
    }
}
