package io.greenscale.analysis.cli;

import io.greenscale.analysis.experiment.Experiment;
import io.greenscale.analysis.experiment.ExperimentPlan;
import io.greenscale.analysis.experiment.Launcher;
import io.greenscale.analysis.experiment.MachineBounds;
import io.greenscale.analysis.experiment.Plans;
import io.greenscale.analysis.read.RunReader;
import io.greenscale.analysis.compute.Scorecard;
import io.greenscale.analysis.write.Report;
import io.greenscale.analysis.write.ReportOptions;
import io.greenscale.localservers.MissingProgramException;
import io.greenscale.loadgen.record.RunDirectory;
import io.greenscale.loadgen.record.RunInfo;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code greenscale experiment --backend local}: one policy end to end on real Redis, Prometheus and app processes. */
@Command(name = "experiment", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a policy end to end on this machine: real Redis and Prometheus (started here unless named), the real",
                "scaler with inference-app worker processes as its replicas (emulating GPU service times and cold starts",
                "without burning the CPU), and the load generator driving the queue. Writes one run directory that",
                "'report' reads and 'calibrate' fits the simulator to.",
                "",
                "A built-in workload (loadgen's step, ramp, bursty, spike, diurnal, or a comparison scenario) is scaled to",
                "this machine: its peak at 60 % of what --max workers serve, its length about 6 minutes."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the run directory was written and every job is accounted for",
                "1:the experiment failed, a server program is missing, or a job was lost (the message says which)",
                "2:usage error, or more workers than this machine holds"})
public final class ExperimentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--backend", defaultValue = "local", description = "Where replicas run: local (worker processes on this machine).")
    String backend;

    @Option(names = "--policy", required = true, paramLabel = "NAME|FILE",
            description = "greenscale, hpa-cpu70, hpa-cpu90, hpa-gpu, keda-queue, or a policy YAML (type: greenscale | hpa | keda).")
    String policy;

    @Option(names = "--workload", defaultValue = "step", paramLabel = "NAME|FILE",
            description = "A loadgen workload (step, ramp, bursty, spike, diurnal), a comparison scenario, a profile YAML or a trace (default: ${DEFAULT-VALUE}).")
    String workload;

    @Option(names = "--duration", paramLabel = "DURATION", description = "Cut the workload here (default: its scaled length).")
    Duration duration;

    @Option(names = "--rate-scale", paramLabel = "X", description = "Multiply the arrival rate (default: fitted for built-ins, else 1).")
    Double rateScale;

    @Option(names = "--time-scale", paramLabel = "X", description = "Stretch time (default: fitted for built-ins, else 1).")
    Double timeScale;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the arrivals (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--min", defaultValue = "1", paramLabel = "N", description = "Minimum replicas (default: ${DEFAULT-VALUE}).")
    int min;

    @Option(names = "--max", defaultValue = "4", paramLabel = "N", description = "Maximum replicas; refused beyond what this machine holds (default: ${DEFAULT-VALUE}).")
    int max;

    @Option(names = "--initial", paramLabel = "N", description = "Workers ready when the load starts (default: the minimum, at least 1).")
    Integer initial;

    @Option(names = "--slo", defaultValue = "4s", paramLabel = "DURATION", description = "p95 latency SLO (default: ${DEFAULT-VALUE}).")
    Duration slo;

    @Option(names = "--service-time", defaultValue = "1s", paramLabel = "DURATION",
            description = "Each job holds a worker slot this long, emulating a GPU (app --service-time-min; default: ${DEFAULT-VALUE}).")
    Duration serviceTime;

    @Option(names = "--service-time-cv", defaultValue = "0", paramLabel = "X",
            description = "Spread each job's hold by a lognormal factor of mean 1 and this coefficient of variation (app --service-time-cv; default: ${DEFAULT-VALUE}, none).")
    double serviceTimeCv;

    @Option(names = "--concurrency", defaultValue = "2", paramLabel = "N", description = "Jobs a worker holds at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--cold-start", defaultValue = "30s", paramLabel = "DURATION",
            description = "A worker's model-load delay after its JVM starts (app --model-load-delay; default: ${DEFAULT-VALUE}).")
    Duration coldStart;

    @Option(names = "--cpu-request", defaultValue = "250m", paramLabel = "CPU",
            description = "Each worker's CPU request, the CPU HPA's denominator (default: ${DEFAULT-VALUE}).")
    String cpuRequest;

    @Option(names = "--termination-grace", defaultValue = "30s", paramLabel = "DURATION",
            description = "A stopped worker's time to finish its jobs before SIGKILL (default: ${DEFAULT-VALUE}).")
    Duration terminationGrace;

    @Option(names = "--scrape-interval", defaultValue = "5s", paramLabel = "DURATION", description = "Prometheus scrape interval (default: ${DEFAULT-VALUE}).")
    Duration scrapeInterval;

    @Option(names = "--metrics-resolution", defaultValue = "15s", paramLabel = "DURATION",
            description = "Per-process CPU sampling period, like metrics-server's (default: ${DEFAULT-VALUE}).")
    Duration metricsResolution;

    @Option(names = "--job", defaultValue = "{\"kind\":\"matmul\",\"n\":64,\"iterations\":1}", paramLabel = "JSON",
            description = "The job each request becomes (default: ${DEFAULT-VALUE}).")
    String job;

    @Option(names = "--job-timeout", paramLabel = "DURATION",
            description = "How long a job may take before it counts as an error (default: the workload's length + 1m, so none times out while it runs).")
    Duration jobTimeout;

    @Option(names = "--drain", defaultValue = "60s", paramLabel = "DURATION",
            description = "How long to wait for jobs still queued once the workload has ended; the rest stay unfinished (default: ${DEFAULT-VALUE}).")
    Duration drain;

    @Option(names = "--redis", paramLabel = "URL", description = "Use this running Redis (redis://host:port) instead of starting one.")
    URI redis;

    @Option(names = "--prometheus", paramLabel = "URL", description = "Use this running Prometheus instead of starting one (it must read the file_sd file printed).")
    URI prometheus;

    @Option(names = "--out", paramLabel = "DIR", description = "The run directory (default: runs/experiment-<UTC time>).")
    Path out;

    @Override
    public Integer call() throws InterruptedException {
        PrintStream stdout = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true);
        if (!"local".equals(backend)) {
            throw usage("--backend " + backend + ": only local is available (worker processes on this machine)");
        }
        MachineBounds machine = MachineBounds.detect();
        String refusal = machine.refusal(max);
        if (refusal != null) {
            throw usage(refusal);
        }
        Path dir = out != null ? out : RunDirectory.defaultPath(RunInfo.Kind.EXPERIMENT, Instant.now());
        if (Files.exists(dir.resolve(RunDirectory.RUN_JSON))) {
            throw usage("--out " + dir + ": already holds a run; choose another directory");
        }
        ExperimentPlan plan;
        try {
            plan = Plans.of(new Plans.Options(policy, workload, duration, rateScale, timeScale, seed, min, max, initial, slo, serviceTime, serviceTimeCv,
                    concurrency, coldStart, cpuRequest, terminationGrace, scrapeInterval, metricsResolution, job, jobTimeout, drain,
                    redis, prometheus, dir), machine);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        Launcher launcher = Launcher.find();
        if (!Plans.ensureBuilt(launcher, stdout)) {
            return 1;
        }
        Plans.describe(plan, stdout);
        Experiment.Result result;
        try {
            result = Experiment.run(plan, launcher, stdout);
        } catch (MissingProgramException e) {
            spec.commandLine().getErr().println("experiment: " + e.getMessage());
            return 1;
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println("experiment failed: " + e.getMessage());
            return 1;
        }
        return summarise(result, stdout);
    }

    private int summarise(Experiment.Result result, PrintStream stdout) {
        var ledger = result.files().ledger();
        stdout.printf(Locale.ROOT, "jobs: %d pushed, %d completed (%d duplicate completions), %d dead-lettered, %d unfinished, %d lost%n",
                ledger.pushed(), ledger.completed(), ledger.duplicates(), ledger.deadLettered(), ledger.unfinished(), ledger.lost());
        var d = result.files().decisions();
        stdout.printf("scaler: %d decisions, %d scale-ups, %d scale-downs applied%n", d.decisions(), d.scaleUps(), d.scaleDowns());
        var run = RunReader.read(result.dir());
        Scorecard card = Report.writeScorecard(result.dir(), run.run(), ReportOptions.runs(Instant.now()));
        stdout.printf(Locale.ROOT, "scorecard: SLO attainment %s, violation %s s, p95 %s ms, replica-seconds %s, scale events %s → %s%n",
                card.sloAttainment() == null ? "—" : String.format(Locale.ROOT, "%.1f %%", card.sloAttainment() * 100),
                card.violationSeconds(), card.p95Millis() == null ? "—" : String.format(Locale.ROOT, "%.0f", card.p95Millis()),
                card.replicaSeconds() == null ? "—" : String.format(Locale.ROOT, "%.0f", card.replicaSeconds()), card.scaleEvents(),
                result.dir().resolve("scorecard.json"));
        int code = 0;
        if (ledger.lost() > 0) {
            spec.commandLine().getErr().println("experiment: " + ledger.lost() + " job(s) lost, e.g. " + ledger.lostIds());
            code = 1;
        }
        if (!result.leftRunning().isEmpty()) {
            spec.commandLine().getErr().println("experiment: processes still running after the stop: " + result.leftRunning());
            code = 1;
        }
        stdout.println("run directory: " + result.dir() + "   (./greenscale report " + result.dir() + "; ./greenscale calibrate " + result.dir() + ")");
        return code;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
