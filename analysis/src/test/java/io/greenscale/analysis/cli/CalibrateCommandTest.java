package io.greenscale.analysis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrateCommandTest {

    static ExperimentCommandTest.Result run(String... args) {
        StringWriter err = new StringWriter();
        int exit = AnalysisMain.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err)).execute(args);
        return new ExperimentCommandTest.Result(exit, err.toString());
    }

    @Test
    void a_simulated_run_is_not_calibrated_against_itself(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("run.json"), "{\"schema\":\"greenscale-run/1\",\"kind\":\"simulation\"}");
        var r = run("calibrate", dir.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("is a simulation run; calibrate fits the simulator to an experiment");
    }

    @Test
    void an_experiment_that_did_not_finish_says_what_is_missing(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("run.json"), "{\"schema\":\"greenscale-run/1\",\"kind\":\"experiment\"}");
        var r = run("calibrate", dir.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("has no jobs.csv (the jobs' worker-side times): the experiment did not finish");
    }

    @Test
    void a_model_that_does_not_exist_is_named(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("run.json"), "{\"schema\":\"greenscale-run/1\",\"kind\":\"experiment\"}");
        var r = run("calibrate", dir.toString(), "--model", dir.resolve("elsewhere.yaml").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("elsewhere.yaml: no such file");
    }

    @Test
    void a_model_is_not_checked_against_a_simulated_run(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("run.json"), "{\"schema\":\"greenscale-run/1\",\"kind\":\"simulation\"}");
        Files.writeString(dir.resolve("cluster.yaml"), "service:\n  base: 1s\n");
        var r = run("calibrate", dir.toString(), "--model", dir.resolve("cluster.yaml").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("is a simulation run");
    }

    @Test
    void a_model_with_nothing_to_check_is_a_usage_error(@TempDir Path dir) {
        var r = run("calibrate", dir.toString(), "--model", "cluster.yaml", "--no-validate");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--no-validate with --model");
    }

    @Test
    void a_directory_without_a_run_is_named(@TempDir Path dir) {
        var r = run("calibrate", dir.resolve("nothing-here").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("not a run directory");
    }
}
