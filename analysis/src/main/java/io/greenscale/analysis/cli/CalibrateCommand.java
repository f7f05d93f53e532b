package io.greenscale.analysis.cli;

import io.greenscale.analysis.calibrate.Calibration;
import io.greenscale.analysis.calibrate.ClusterFit;
import io.greenscale.analysis.calibrate.NoiseRange;
import io.greenscale.analysis.calibrate.Twin;
import io.greenscale.analysis.calibrate.Validation;
import io.greenscale.analysis.read.RunReadException;
import io.greenscale.analysis.read.RunReader;
import io.greenscale.analysis.run.RunData;
import io.greenscale.analysis.sim.ClusterModel;
import io.greenscale.analysis.sim.ClusterModelReader;
import io.greenscale.analysis.write.Report;
import io.greenscale.analysis.write.ReportOptions;
import io.greenscale.policy.config.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code greenscale calibrate RUN_DIR}: fit the simulator to a real run, then check the fit on the run's simulated twin. */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fit the simulator's cluster model to an experiment run (./greenscale experiment): the service-time "
                + "distribution from the jobs' worker-side times, the cold start and scheduling delay from the workers' "
                + "lifecycle, CPU use per busy slot; writes a cluster YAML that 'simulate --cluster' reads. "
                + "Then runs the same workload, policy and seed in the simulator with it and compares p95 latency, "
                + "replica-seconds and the replica timeline (also as a report with a 'Simulator fidelity' section).",
                "",
                "With --model, nothing is fitted: the run is checked against a model calibrated on another run, "
                + "which tells how well the simulator predicts a run it has not seen."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:calibrated (and validated)", "1:the run cannot be calibrated (the message says why)", "2:usage error"})
public final class CalibrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "An experiment's run directory.")
    Path runDir;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write cluster.yaml, the twin run and the report (default: RUN_DIR/calibration, with --model RUN_DIR/model-check).")
    Path out;

    @Option(names = "--no-validate", description = "Only fit and write the model; do not simulate the twin.")
    boolean noValidate;

    @Option(names = "--model", paramLabel = "CLUSTER_YAML",
            description = "Check the run against this cluster model (e.g. another run's calibration/cluster.yaml) instead of fitting one.")
    Path model;

    @Option(names = "--draws", defaultValue = "20", paramLabel = "N",
            description = "Also simulate the twin under N other draws of the cluster's noise, the arrivals unchanged, and say whether the real run lies within their spread (0: skip; default: ${DEFAULT-VALUE}).")
    int draws;

    @Option(names = "--min-jobs", defaultValue = "30", paramLabel = "N", description = "Completed jobs needed to fit (default: ${DEFAULT-VALUE}).")
    int minJobs;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (draws < 0 || draws > 1000) {
            throw new ParameterException(spec.commandLine(), "--draws " + draws + ": must be in [0, 1000]");
        }
        if (model != null && noValidate) {
            throw new ParameterException(spec.commandLine(), "--no-validate with --model: there is nothing to fit, only the check");
        }
        Path dir = out != null ? out : runDir.resolve(model == null ? "calibration" : "model-check");
        if (Files.exists(dir.resolve(model == null ? "cluster.yaml" : "report"))) {
            throw new ParameterException(spec.commandLine(), "--out " + dir + ": already holds a "
                    + (model == null ? "calibration" : "check") + "; choose another directory");
        }
        RunData real;
        ClusterModel cluster;
        try {
            real = RunReader.read(runDir).run();
            if (model != null) {
                Calibration.requireExperiment(runDir, real);
                cluster = ClusterModelReader.readFile(model);
            } else {
                ClusterFit fit = Calibration.fit(runDir, real, minJobs);
                Path yaml = dir.resolve("cluster.yaml");
                Calibration.write(fit, yaml, runDir, Instant.now());
                stdout.println("calibrate: " + runDir);
                stdout.println("  service    " + fit.service().describe());
                stdout.println("  lifecycle  " + fit.lifecycle().describe());
                stdout.println("  resources  " + fit.cpu().describe());
                stdout.println("  → " + yaml);
                cluster = fit.model();
            }
        } catch (RunReadException | IllegalArgumentException | ConfigException e) {
            err.println("calibrate: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("calibrate: cannot read " + model + ": " + e.getMessage());
            return 1;
        }
        if (noValidate) {
            stdout.flush();
            return 0;
        }
        // Named after the run, so a report over several runs and their twins tells them apart.
        Path twinDir = dir.resolve(runDir.toAbsolutePath().normalize().getFileName() + "-twin");
        RunData twin;
        try {
            twin = Twin.simulate(real, cluster, twinDir);
        } catch (IllegalArgumentException e) {
            err.println("calibrate: cannot simulate the twin: " + e.getMessage());
            return 1;
        }
        Validation v = Validation.of(real, twin);
        Path report = dir.resolve("report");
        Report.write(report, List.of(real, twin), ReportOptions.runs(Instant.now()));
        stdout.println("validation: the same workload, policy and seed in the simulator with "
                + (model != null ? "the model " + model : "this model") + " → " + twinDir);
        v.lines().forEach(l -> stdout.println("  " + l));
        if (draws > 0) {
            NoiseRange.of(real, Twin.noiseDraws(real, cluster, draws)).lines().forEach(l -> stdout.println("  " + l));
        }
        stdout.println("  report: " + report.resolve(Report.REPORT_HTML) + " (section \"Simulator fidelity\")");
        stdout.flush();
        return 0;
    }
}
