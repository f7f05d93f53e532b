package io.greenscale.analysis.cli;

import io.greenscale.analysis.run.RunData;
import io.greenscale.analysis.scenario.PolicyCatalog;
import io.greenscale.analysis.scenario.Runner;
import io.greenscale.analysis.scenario.Scenario;
import io.greenscale.analysis.scenario.Scenarios;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code greenscale compare}: every policy on every built-in scenario, several seeds, one report. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare autoscaling policies on the built-in scenarios in the simulated cluster, with the",
                "production decision code, several seeds each; print the scorecard and write a report."})
public final class CompareCommand implements Callable<Integer> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Option(names = "--scenarios", split = ",", paramLabel = "NAME", description = "Scenarios to run (default: all built-in: ${COMPLETION-CANDIDATES}).",
            completionCandidates = ScenarioNames.class)
    List<String> scenarios = new ArrayList<>(Scenarios.BUILT_IN);

    @Option(names = "--policies", split = ",", paramLabel = "NAME", description = "Policies to run (default: all: ${COMPLETION-CANDIDATES}).",
            completionCandidates = PolicyNames.class)
    List<String> policies = new ArrayList<>(PolicyCatalog.NAMES);

    @Option(names = "--seeds", paramLabel = "N|LIST", defaultValue = "5", description = "Seeds per cell: a count N (seeds 1..N) or a list such as 3,7,11 (default: ${DEFAULT-VALUE}).")
    String seeds;

    @Option(names = "--out", paramLabel = "DIR", description = "Report directory (default: reports/compare-<UTC timestamp>).")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Simulations run in parallel (default: the number of cores).")
    Integer threads;

    @Option(names = "--greenscale", paramLabel = "POLICY.yaml", description = {"GreenScale settings to compare instead of the defaults:",
            "a policy section whose keys replace the defaults; the scenario's facts (bounds, SLO, rates) fill the rest."})
    Path greenscale;

    static final class ScenarioNames extends ArrayList<String> {
        ScenarioNames() {
            super(Scenarios.BUILT_IN);
        }
    }

    static final class PolicyNames extends ArrayList<String> {
        PolicyNames() {
            super(PolicyCatalog.NAMES);
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        List<Long> seedList = Seeds.parse(seeds);
        for (String p : policies) {
            if (!PolicyCatalog.NAMES.contains(p)) {
                err.println("--policies: unknown policy \"" + p + "\"; built-in policies: " + String.join(", ", PolicyCatalog.NAMES));
                return 2;
            }
        }
        List<Scenario> suite = new ArrayList<>();
        for (String name : scenarios) {
            if (!Scenarios.BUILT_IN.contains(name)) {
                err.println("--scenarios: unknown scenario \"" + name + "\"; built-in scenarios: " + String.join(", ", Scenarios.BUILT_IN));
                return 2;
            }
            suite.add(Scenarios.get(name));
        }
        Path dir = out != null ? out : Path.of("reports", "compare-" + STAMP.format(Instant.now()));
        if (Files.exists(dir) && Files.list(dir).findAny().isPresent()) {
            err.println("--out " + dir + ": exists and is not empty; choose another directory");
            return 2;
        }
        Files.createDirectories(dir);

        java.util.Map<String, Object> overrides = greenscale == null ? java.util.Map.of() : PolicyFile.section(greenscale);
        List<Runner.Plan> plans = new ArrayList<>();
        for (Scenario s : suite) {
            for (String p : policies) {
                for (long seed : seedList) {
                    plans.add(Runner.Plan.of(s, p, seed).withGreenscaleOverrides(overrides));
                }
            }
        }
        long started = System.nanoTime();
        int parallel = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        err.printf("greenscale compare: %d scenarios × %d policies × %d seeds = %d simulations on %d threads → %s%n",
                suite.size(), policies.size(), seedList.size(), plans.size(), parallel, dir);
        List<RunData> runs = simulateAll(plans, dir, parallel, err, started);
        err.printf("%nsimulated %d runs in %.1f s%n", runs.size(), (System.nanoTime() - started) / 1e9);
        err.flush();
        return 0;
    }

    /** One updating line on a terminal; a line per tenth of the work in a log. */
    private static void progress(PrintWriter err, int n, int total, Runner.Plan plan, long started) {
        boolean terminal = System.console() != null;
        if (!terminal && n % Math.max(1, total / 10) != 0 && n != total) {
            return;
        }
        synchronized (err) {
            err.printf("%s[%3d/%d] %-16s %-12s seed %-3d %6.1f s%s", terminal ? "\r" : "", n, total, plan.scenario().name(),
                    plan.policyName(), plan.seed(), (System.nanoTime() - started) / 1e9, terminal ? "" : System.lineSeparator());
            err.flush();
        }
    }

    private static List<RunData> simulateAll(List<Runner.Plan> plans, Path dir, int parallel, PrintWriter err, long started) throws Exception {
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel));
        try {
            List<Future<RunData>> futures = new ArrayList<>();
            for (Runner.Plan plan : plans) {
                futures.add(pool.submit(() -> {
                    Path runDir = dir.resolve("runs").resolve(plan.scenario().name()).resolve(plan.policyName() + "-seed" + plan.seed());
                    RunData run = Runner.run(plan, runDir, 10);
                    int n = done.incrementAndGet();
                    progress(err, n, plans.size(), plan, started);
                    return run;
                }));
            }
            List<RunData> runs = new ArrayList<>();
            for (Future<RunData> f : futures) {
                runs.add(f.get());
            }
            return runs;
        } finally {
            pool.shutdownNow();
        }
    }
}
