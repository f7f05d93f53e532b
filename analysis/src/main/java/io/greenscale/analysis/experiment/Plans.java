package io.greenscale.analysis.experiment;

import io.greenscale.analysis.scenario.Deployment;
import io.greenscale.analysis.scenario.PolicyCatalog;
import io.greenscale.analysis.scenario.WorkloadSource;
import io.greenscale.policy.Policies;
import io.greenscale.policy.Policy;
import io.greenscale.policy.config.ConfigException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the experiment's options into a checked {@link ExperimentPlan}: the workload scaled to the
 * machine, the deployment's facts, and the policy's scaler section. Out-of-range options are an
 * {@link IllegalArgumentException} naming option, value and range; an invalid workload or policy
 * file a {@link ConfigException} listing every problem.
 */
public final class Plans {
    /** Each built-in workload is fitted to peak at this share of what the replicas serve at most. */
    static final double PEAK_SHARE = 0.6;
    /** ... and to last about this long. */
    static final Duration FITTED_LENGTH = Duration.ofMinutes(6);
    /** The worker JVM: a small heap, serial GC, C1 only — it sleeps through its jobs, so this is plenty. */
    static final String WORKER_JAVA_OPTIONS = "-Xmx128m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto";
    /** A worker's JVM start and warm-up before its model-load delay begins, as the deployment's stated fact. */
    static final Duration JVM_START = Duration.ofSeconds(5);

    /** The options as given (null: not given). */
    public record Options(String policy, String workload, Duration duration, Double rateScale, Double timeScale, long seed, int min, int max,
                          Integer initial, Duration slo, Duration serviceTime, double serviceTimeCv, int concurrency, Duration coldStart, String cpuRequest,
                          Duration terminationGrace, Duration scrapeInterval, Duration metricsResolution, String job, Duration jobTimeout,
                          Duration drain, URI redis, URI prometheus, Path out) {}

    private Plans() {}

    public static ExperimentPlan of(Options o, MachineBounds machine) {
        check(o.min() >= 0 && o.min() <= o.max() && o.max() >= 1, "--min " + o.min() + " / --max " + o.max() + ": need 0 <= min <= max and max >= 1");
        int initial = o.initial() != null ? o.initial() : Math.max(1, o.min());
        check(initial >= 1 && initial >= o.min() && initial <= o.max(), "--initial = " + initial + ": must be in [max(1, min), max] = ["
                + Math.max(1, o.min()) + ", " + o.max() + "]");
        check(o.concurrency() >= 1 && o.concurrency() <= 64, "--concurrency = " + o.concurrency() + ": must be in [1, 64]");
        check(!o.serviceTime().isZero() && o.serviceTime().compareTo(Duration.ofMinutes(10)) <= 0,
                "--service-time = " + human(o.serviceTime()) + ": must be in (0s, 10m]");
        check(o.serviceTimeCv() >= 0 && o.serviceTimeCv() <= 4, "--service-time-cv = " + o.serviceTimeCv() + ": must be in [0, 4]");
        check(o.coldStart().compareTo(Duration.ofHours(1)) <= 0, "--cold-start = " + human(o.coldStart()) + ": must be in [0s, 1h]");
        check(o.slo().toMillis() >= 1, "--slo = " + human(o.slo()) + ": must be at least 1ms");
        check(o.scrapeInterval().toMillis() >= 1000 && o.scrapeInterval().toMillis() % 1000 == 0,
                "--scrape-interval = " + human(o.scrapeInterval()) + ": must be whole seconds, at least 1s");
        check(o.metricsResolution().toMillis() >= 1000 && o.metricsResolution().toMillis() % 1000 == 0,
                "--metrics-resolution = " + human(o.metricsResolution()) + ": must be whole seconds, at least 1s");
        check(o.jobTimeout() == null || !o.jobTimeout().isZero(), "--job-timeout = 0s: must be above 0s");
        check(o.redis() == null || "redis".equals(o.redis().getScheme()) && o.redis().getHost() != null
                        && (o.redis().getPath() == null || o.redis().getPath().isEmpty() || o.redis().getPath().equals("/0")),
                "--redis " + o.redis() + ": must be redis://host:port (database 0: the load generator uses no other)");
        check(o.prometheus() == null || o.prometheus().getScheme() != null && o.prometheus().getScheme().startsWith("http"),
                "--prometheus " + o.prometheus() + ": must be an http(s) URL");
        long cpuMilli = cpuMilli(o.cpuRequest());
        Deployment d = new Deployment(o.min(), o.max(), o.slo(), o.concurrency() / (o.serviceTime().toNanos() / 1e9), o.concurrency(),
                o.coldStart().plus(JVM_START), false, true);

        ExperimentWorkload source = ExperimentWorkload.resolve(o.workload());
        double rateScale = o.rateScale() != null ? o.rateScale() : 1;
        double timeScale = o.timeScale() != null ? o.timeScale() : 1;
        if (source.builtIn()) {
            timeScale = o.timeScale() != null ? o.timeScale() : source.fittedTimeScale(FITTED_LENGTH);
            rateScale = o.rateScale() != null ? o.rateScale() : source.fittedRateScale(d.maxReplicas() * d.perReplicaRate(), PEAK_SHARE, timeScale);
        }
        check(rateScale > 0 && timeScale > 0, "--rate-scale and --time-scale must be > 0");
        WorkloadSource workload = source.base().scaled(rateScale, timeScale);
        Duration duration = o.duration() != null && o.duration().compareTo(workload.duration()) < 0 ? o.duration() : workload.duration();
        check(duration.toSeconds() >= 5, "the workload lasts " + human(duration) + ": an experiment needs at least 5s");

        // By default no job times out while the workload runs: a timed-out job has no latency, and its twin's would.
        Duration jobTimeout = o.jobTimeout() != null ? o.jobTimeout() : duration.plusMinutes(1);
        Map<String, Object> section = policySection(o.policy(), d);
        Policy policy = Policies.fromMap(section, "policy"); // every problem of the section at once, before anything starts
        return new ExperimentPlan(source, workload, rateScale, timeScale, duration, o.seed(), policy.name(), section, policy.syncPeriod(), d, initial,
                new ExperimentPlan.Worker(o.serviceTime(), o.serviceTimeCv(), o.concurrency(), o.coldStart(), cpuMilli, o.terminationGrace(), WORKER_JAVA_OPTIONS),
                new ExperimentPlan.Metrics(o.scrapeInterval(), o.metricsResolution(), Duration.ofMinutes(1)), machine, o.job(), jobTimeout,
                o.drain(), o.redis(), o.prometheus(), o.out());
    }

    private static Map<String, Object> policySection(String policy, Deployment d) {
        if (PolicySections.NAMES.contains(policy)) {
            return PolicySections.of(policy, d);
        }
        if (PolicyCatalog.NAMES.contains(policy)) {
            throw new IllegalArgumentException("--policy " + policy + ": runs only in the simulator (" + (policy.equals(PolicyCatalog.ORACLE)
                    ? "it needs the future arrivals" : "it needs no scaler") + "); the local experiment runs " + String.join(", ", PolicySections.NAMES)
                    + " or a policy file");
        }
        Path file = Path.of(policy);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--policy " + policy + ": neither a policy the local experiment runs ("
                    + String.join(", ", PolicySections.NAMES) + ") nor a file");
        }
        return new LinkedHashMap<>(PolicyFileSection.read(file));
    }

    /** Builds the scaler and the app first when their jars are missing or stale, with the launcher's own progress lines. */
    public static boolean ensureBuilt(Launcher launcher, PrintStream out) throws InterruptedException {
        for (var m : List.of(Launcher.Module.SCALER, Launcher.Module.APP)) {
            String why = launcher.notFresh(m);
            if (why == null) {
                continue;
            }
            out.println("experiment: " + why + "; building it first");
            List<String> argv = m == Launcher.Module.SCALER ? launcher.command("scaler", "--version") : launcher.command("app", "--help");
            try {
                Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor() != 0 || launcher.notFresh(m) != null) {
                    out.println("experiment: could not build " + m.dir + " (" + launcher.notFresh(m) + "); run ./greenscale build to see why");
                    return false;
                }
            } catch (IOException e) {
                out.println("experiment: cannot run the launcher " + launcher.script() + ": " + e.getMessage());
                return false;
            }
        }
        return true;
    }

    /** The plan in a few lines, bound included, before anything starts. */
    public static void describe(ExperimentPlan p, PrintStream out) {
        Deployment d = p.deployment();
        ExperimentPlan.Worker w = p.worker();
        out.printf(Locale.ROOT, "experiment: %s on %s (rate ×%s, time ×%s, %s), seed %d → %s%n", p.policyName(), p.source().scenarioName(),
                num(p.rateScale()), num(p.timeScale()), human(p.duration()), p.seed(), p.out());
        out.printf(Locale.ROOT, "  machine    %s%n", p.machine().describe());
        out.printf(Locale.ROOT, "  replicas   %d..%d, %d ready at the start; SLO p95 %s%n", d.minReplicas(), d.maxReplicas(), p.initialReplicas(),
                human(d.slo()));
        out.printf(Locale.ROOT, "  worker     %d slot(s) × %s per job%s (%.2f jobs/s), cold start %s + JVM start, CPU request %dm, grace %s%n",
                w.concurrency(), human(w.serviceTime()), w.serviceTimeCv() > 0 ? String.format(Locale.ROOT, " on average (lognormal, cv %.2f)", w.serviceTimeCv()) : "",
                d.perReplicaRate(), human(w.coldStart()), w.cpuRequestMilli(), human(w.terminationGrace()));
        if (p.policyName().startsWith("hpa-gpu")) {
            out.println("  note       there is no GPU here: the DCGM_FI_DEV_GPU_UTIL metric hpa-gpu scales on is absent, so it holds its count");
        } else if (p.policyName().startsWith("hpa-cpu")) {
            out.println("  note       the workers sleep through their jobs as a GPU server's CPU would idle: expect CPU far below the request");
        }
    }

    /** {@code 250m}, {@code 0.25} or {@code 1}: cores or millicores, as in a pod spec. */
    static long cpuMilli(String text) {
        try {
            String t = text.trim();
            double cores = t.endsWith("m") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 1000 : Double.parseDouble(t);
            if (cores > 0 && cores <= 64) {
                return Math.max(1, Math.round(cores * 1000));
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("--cpu-request = " + text + ": must be a CPU quantity in (0, 64] cores, e.g. 250m or 0.25");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    static String human(Duration d) {
        return io.greenscale.policy.config.Durations.format(d);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
