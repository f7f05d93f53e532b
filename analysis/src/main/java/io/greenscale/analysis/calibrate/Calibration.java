package io.greenscale.analysis.calibrate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.greenscale.analysis.experiment.CpuRow;
import io.greenscale.analysis.experiment.JobRow;
import io.greenscale.analysis.experiment.WorkerEvent;
import io.greenscale.analysis.run.RunData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Fits the simulator's cluster model to an experiment's run directory: service times from
 * {@code jobs.csv}, the lifecycle from {@code workers/events.jsonl}, CPU use from {@code cpu.csv},
 * and the rest from what {@code run.json} says the run was set up with.
 */
public final class Calibration {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

    private Calibration() {}

    /** @throws IllegalArgumentException unless {@code run} is a real run ({@code ./greenscale experiment}) */
    public static void requireExperiment(Path runDir, RunData run) {
        if (!"experiment".equals(run.info().get("kind"))) {
            throw new IllegalArgumentException(runDir + " is a " + run.info().get("kind") + " run; calibrate fits the simulator to an experiment"
                    + " (./greenscale experiment --backend local)");
        }
    }

    /** @throws IllegalArgumentException naming the file or key when the run cannot be calibrated */
    public static ClusterFit fit(Path runDir, RunData run, int minJobs) {
        requireExperiment(runDir, run);
        Map<String, Object> info = run.info();
        Path jobs = runDir.resolve(JobRow.FILE);
        if (!Files.isRegularFile(jobs)) {
            throw new IllegalArgumentException(runDir + " has no " + JobRow.FILE + " (the jobs' worker-side times): the experiment did not finish");
        }
        ServiceFit service = ServiceFit.of(JobRow.read(jobs).stream().map(JobRow::serviceSeconds).toList(), minJobs);
        ColdStartFit lifecycle = ColdStartFit.of(WorkerEvent.read(runDir.resolve("workers").resolve("events.jsonl")));
        Path cpuFile = runDir.resolve(CpuRow.FILE);
        CpuFit cpu = CpuFit.of(Files.isRegularFile(cpuFile) ? CpuRow.read(cpuFile) : List.of(), run.seconds());
        Map<String, Object> backend = Twin.child(info, "backend");
        Map<String, Object> worker = Twin.child(backend, "worker");
        Map<String, Object> metrics = Twin.child(backend, "metrics");
        Map<String, Object> cost = Twin.child(info, "cost");
        return new ClusterFit(service, lifecycle, cpu, (int) Twin.number(worker, "concurrency"), Twin.number(worker, "cpu_request_milli") / 1000,
                seconds(Twin.number(worker, "termination_grace_s")), seconds(Twin.number(metrics, "scrape_interval_s")),
                seconds(Twin.number(metrics, "metrics_server_resolution_s")), seconds(Twin.number(metrics, "latency_window_s")),
                Twin.number(cost, "price_per_gpu_hour"));
    }

    /** Writes the model as YAML, headed by comments that say where each value came from. */
    public static void write(ClusterFit fit, Path file, Path runDir, Instant now) {
        StringBuilder text = new StringBuilder();
        text.append("# Cluster model calibrated from ").append(runDir).append(" by ./greenscale calibrate at ").append(now).append('\n');
        text.append("# service:   ").append(fit.service().describe()).append('\n');
        text.append("# lifecycle: ").append(fit.lifecycle().describe()).append('\n');
        text.append("# resources: ").append(fit.cpu().describe()).append('\n');
        text.append("# Slots, CPU request, grace, metrics pipeline and price: as the experiment ran. Use: ./greenscale simulate --cluster THIS ...\n");
        try {
            text.append(YAML.writeValueAsString(fit.yaml()));
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
