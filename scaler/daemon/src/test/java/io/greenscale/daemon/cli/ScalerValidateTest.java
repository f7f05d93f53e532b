package io.greenscale.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code greenscale scaler validate}: exit 0 with a summary, 1 with every problem, 2 on usage errors. */
class ScalerValidateTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cli = ScalerMain.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void a_valid_file_exits_0_and_summarises_the_targets() {
        assertThat(run("scaler", "validate", "--config", "examples/scaler.yaml")).isZero();
        assertThat(out.toString()).contains("valid").contains("greenscale/deployment/inference-app").contains("mode=active");
    }

    @Test
    void an_invalid_file_exits_1_and_lists_every_problem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                tick: 0s
                targets:
                  - scaleTargetRef: {name: worker}
                    queue: {name: jobs}
                    mode: aggressive
                    policy: {maxReplicas: 0}
                """);
        assertThat(run("scaler", "validate", "--config", file.toString())).isEqualTo(1);
        assertThat(err.toString())
                .contains("3 problems")
                .contains("tick = \"0s\": must be in [100ms, 1h]")
                .contains("targets[0].mode = \"aggressive\": must be one of active, dry-run, shadow")
                .contains("targets[0].policy.maxReplicas = 0: must be in [1, 100000]");
    }

    @Test
    void a_missing_option_is_a_usage_error_exit_2() {
        assertThat(run("scaler", "validate")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--config=FILE'");
    }

    @Test
    void run_refuses_an_invalid_file_with_exit_1_before_contacting_anything(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "targets: []\n");
        assertThat(run("scaler", "run", "--config", file.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("targets = []: must be a non-empty list of targets");
    }
}
