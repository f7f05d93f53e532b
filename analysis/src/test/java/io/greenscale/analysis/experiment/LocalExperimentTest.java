package io.greenscale.analysis.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenscale.analysis.calibrate.Calibration;
import io.greenscale.analysis.calibrate.ClusterFit;
import io.greenscale.analysis.calibrate.Twin;
import io.greenscale.analysis.calibrate.Validation;
import io.greenscale.analysis.cli.AnalysisMain;
import io.greenscale.analysis.read.ReadRun;
import io.greenscale.analysis.read.RunReader;
import io.greenscale.analysis.run.RunData;
import io.greenscale.localservers.RequiresPrograms;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short experiment end to end on real parts: real Redis and Prometheus, the real scaler and
 * inference-app worker processes started through the launcher, the load generator — then the
 * calibration and the simulated twin of the run. Needs the scaler's and the app's jars, which
 * {@code ./mvnw verify} packages before this module's tests run; without them (e.g. {@code -pl
 * analysis} alone) it is skipped with one line saying so.
 */
@RequiresPrograms({"redis-server", "prometheus"})
class LocalExperimentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Launcher launcher;

    @BeforeAll
    static void jars() {
        launcher = Launcher.find();
        for (var m : List.of(Launcher.Module.SCALER, Launcher.Module.APP)) {
            String why = launcher.notFresh(m);
            assumeTrue(why == null, () -> "skipping the local experiment: " + why + " (./mvnw verify, or ./greenscale build, packages it)");
        }
    }

    /** A step from 0.9 to 3.6 jobs/s (over 28 s at a time scale of 0.04) against workers of one 500 ms slot each: one worker cannot keep up. */
    static ExperimentPlan plan(Path out, String policy, double timeScale) {
        return Plans.of(new Plans.Options(policy, "step", null, null, timeScale, 3, 1, 3, 1, Duration.ofSeconds(3),
                Duration.ofMillis(500), 0.3, 1, Duration.ofSeconds(2), "250m", Duration.ofSeconds(8), Duration.ofSeconds(1),
                Duration.ofSeconds(5), "{\"kind\":\"matmul\",\"n\":32,\"iterations\":1}", null, Duration.ofSeconds(20), null, null, out),
                MachineBounds.detect());
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Test
    void greenscale_scales_real_workers_loses_no_job_and_leaves_nothing_running(@TempDir Path tmp) throws Exception {
        ExperimentPlan plan = plan(tmp.resolve("run"), "greenscale", 0.04);
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        Experiment.Result result = Experiment.run(plan, launcher, new PrintStream(console, true, StandardCharsets.UTF_8));

        String printed = console.toString(StandardCharsets.UTF_8);
        Path dir = result.dir();
        // The run directory is complete, and the report's reader takes it as an experiment of the scenario and policy.
        for (String file : List.of("run.json", "timeseries.csv", "latency.hlog", "summary.json", "decisions.jsonl", "jobs.csv", "cpu.csv",
                "scaler/scaler.yaml", "workers/events.jsonl")) {
            assertThat(dir.resolve(file)).as(file + "\n" + printed).isRegularFile();
        }
        ReadRun read = RunReader.read(dir);
        RunData run = read.run();
        assertThat(run.info()).containsEntry("kind", "experiment");
        assertThat(((java.util.Map<?, ?>) run.info().get("scenario")).get("name")).isEqualTo("step");
        assertThat(((java.util.Map<?, ?>) run.info().get("policy")).get("name")).isEqualTo("greenscale");
        assertThat(run.seconds()).hasSize((int) (plan.duration().toMillis() / 1000));
        assertThat(run.seconds()).allSatisfy(r -> assertThat(r.readyReplicas()).isNotNull().isBetween(0, 3));
        assertThat(run.latencyMicros().getTotalCount()).isPositive();

        // The real scaler decided, and scaled the real workers up.
        assertThat(run.decisions()).isNotEmpty().allSatisfy(d -> assertThat(d.policy()).isEqualTo("greenscale"));
        assertThat(run.decisions()).anySatisfy(d -> assertThat(d.applied() && d.desired() > d.current()).as("a scale-up").isTrue());
        assertThat(run.seconds()).anySatisfy(r -> assertThat(r.readyReplicas()).isGreaterThanOrEqualTo(2));

        // Every job pushed has a result (duplicates allowed, and counted), none is lost.
        JsonNode jobs = JSON.readTree(dir.resolve("run.json").toFile()).get("jobs");
        assertThat(jobs.get("pushed").asLong()).isPositive();
        assertThat(jobs.get("lost").asLong()).as(jobs.toString()).isZero();
        assertThat(jobs.get("completed").asLong() + jobs.get("dead_lettered").asLong() + jobs.get("unfinished").asLong())
                .isEqualTo(jobs.get("pushed").asLong());
        assertThat(jobs.get("completions").asLong()).isEqualTo(jobs.get("completed").asLong() + jobs.get("duplicates").asLong());
        assertThat(JobRow.read(dir.resolve(JobRow.FILE))).hasSize(jobs.get("completed").asInt());

        // Nothing it started is running any more.
        assertThat(result.workerPids()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(result.leftRunning()).isEmpty();
        assertThat(alive(result.scalerPid())).isFalse();
        assertThat(result.workerPids()).noneMatch(LocalExperimentTest::alive);

        // The run calibrates the simulator, and its twin pairs with it in the fidelity figures.
        ClusterFit fit = Calibration.fit(dir, run, 30);
        assertThat(fit.service().meanSeconds()).as("the workers' emulated 500 ms service time").isBetween(0.4, 0.65);
        assertThat(fit.service().cv()).as("the workers' spread of 0.3").isBetween(0.15, 0.5);
        assertThat(fit.lifecycle().coldStartSeconds()).as("2 s model load plus the JVM's start").isGreaterThan(2.0);
        RunData twin = Twin.simulate(run, fit.model(), tmp.resolve("twin"));
        Validation v = Validation.of(run, twin);
        assertThat(v.fidelity().commonSeconds()).isEqualTo(run.seconds().size());
        assertThat(v.fidelity().simulatedReplicaSeconds()).isPositive();

        // The command writes the model, and checks a run against a model written before.
        java.io.StringWriter calibrated = new java.io.StringWriter();
        assertThat(AnalysisMain.commandLine().setOut(new java.io.PrintWriter(calibrated))
                .execute("calibrate", dir.toString())).isZero();
        assertThat(calibrated.toString()).contains("within 10 %:").contains("the twin under 20 other noise draws");
        Path model = dir.resolve("calibration/cluster.yaml");
        assertThat(model).isRegularFile();
        assertThat(AnalysisMain.commandLine().setOut(new java.io.PrintWriter(new java.io.StringWriter()))
                .execute("calibrate", dir.toString(), "--model", model.toString())).isZero();
        assertThat(dir.resolve("model-check/report/report.html")).isRegularFile();
    }

    @Test
    void an_interrupted_experiment_stops_everything_it_started(@TempDir Path tmp) throws Exception {
        ExperimentPlan plan = plan(tmp.resolve("run"), "hpa-cpu70", 0.2);
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread runner = inBackground(plan, ended);
        Path events = plan.out().resolve("workers/events.jsonl");
        // Interrupted while the load runs: the scaler and a ready worker exist.
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(plan.out().resolve("loadgen/run.json")));
        List<Long> pids = new ArrayList<>(new ReplicaTimeline(WorkerEvent.read(events)).pids().values());
        long scaler = scalerPid(plan.out());
        runner.interrupt();
        runner.join(Duration.ofSeconds(60));

        assertThat(runner.isAlive()).isFalse();
        assertThat(ended.get()).isInstanceOf(InterruptedException.class);
        assertThat(pids).isNotEmpty().noneMatch(LocalExperimentTest::alive);
        assertThat(alive(scaler)).isFalse();
    }

    @Test
    void a_scaler_that_dies_during_the_run_fails_the_experiment_and_its_workers_are_stopped(@TempDir Path tmp) throws Exception {
        ExperimentPlan plan = plan(tmp.resolve("run"), "keda-queue", 0.2);
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread runner = inBackground(plan, ended);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(plan.out().resolve("loadgen/run.json")));
        List<Long> pids = new ArrayList<>(new ReplicaTimeline(WorkerEvent.read(plan.out().resolve("workers/events.jsonl"))).pids().values());
        long scaler = scalerPid(plan.out());
        ProcessHandle.of(scaler).orElseThrow().destroyForcibly(); // dies without a word: its workers are orphans now
        runner.join(Duration.ofSeconds(60));

        assertThat(runner.isAlive()).isFalse();
        assertThat(ended.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("the scaler exited during the run (status 137)");
        assertThat(pids).isNotEmpty().noneMatch(LocalExperimentTest::alive);
    }

    /** Runs the experiment on its own thread; what it ended with (it always throws in these tests) goes to {@code ended}. */
    private static Thread inBackground(ExperimentPlan plan, AtomicReference<Throwable> ended) {
        return Thread.ofPlatform().name("experiment-under-test").start(() -> {
            try {
                Experiment.run(plan, launcher, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            } catch (Throwable t) {
                ended.set(t);
            }
        });
    }

    /** The scaler's pid, from its own log line naming it (the experiment prints it; the JVM logs its pid at start). */
    private static long scalerPid(Path run) {
        return ProcessHandle.allProcesses().filter(p -> p.info().arguments().map(a -> String.join(" ", a)).orElse("")
                .contains(run.resolve("scaler/scaler.yaml").toString())).mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
    }
}
