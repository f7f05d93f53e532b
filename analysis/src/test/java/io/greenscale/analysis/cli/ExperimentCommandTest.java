package io.greenscale.analysis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input to {@code experiment} is refused before anything starts, with what was wrong and what is allowed. */
class ExperimentCommandTest {
    @TempDir
    static Path tmp;

    record Result(int exit, String err) {}

    static Result run(String... args) {
        StringWriter err = new StringWriter();
        int exit = AnalysisMain.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err)).execute(args);
        return new Result(exit, err.toString());
    }

    static Stream<Arguments> refused() throws Exception {
        Path badPolicy = tmp.resolve("bad-policy.yaml");
        Files.writeString(badPolicy, "type: greenscale\nmaxReplicas: 0\nqueue: {drainTarget: -5s}\n");
        Path existing = tmp.resolve("existing");
        Files.createDirectories(existing);
        Files.writeString(existing.resolve("run.json"), "{}");
        return Stream.of(
                Arguments.of("more workers than the machine holds → exit 2 with the bound and why", List.of("--max", "500"), 2,
                        "--max 500: more workers than this machine holds at most"),
                Arguments.of("the oracle needs the future → exit 2", List.of("--policy", "oracle"), 2,
                        "--policy oracle: runs only in the simulator (it needs the future arrivals)"),
                Arguments.of("a backend other than local → exit 2", List.of("--backend", "kubernetes"), 2,
                        "--backend kubernetes: only local is available"),
                Arguments.of("an unknown policy name → exit 2", List.of("--policy", "hpa-cpu50"), 2,
                        "--policy hpa-cpu50: neither a policy the local experiment runs (greenscale, hpa-cpu70, hpa-cpu90, hpa-gpu, keda-queue) nor a file"),
                Arguments.of("a CPU request in the wrong unit → exit 2", List.of("--cpu-request", "2Gi"), 2,
                        "--cpu-request = 2Gi: must be a CPU quantity in (0, 64] cores"),
                Arguments.of("a negative service-time spread → exit 2", List.of("--service-time-cv", "-0.5"), 2,
                        "--service-time-cv = -0.5: must be in [0, 4]"),
                Arguments.of("initial above max → exit 2", List.of("--initial", "9", "--max", "3"), 2,
                        "--initial = 9: must be in [max(1, min), max] = [1, 3]"),
                Arguments.of("a run directory that holds a run → exit 2", List.of("--out", existing.toString()), 2,
                        "already holds a run; choose another directory"),
                Arguments.of("an unknown workload → exit 1 naming the built-ins", List.of("--workload", "tsunami"), 1,
                        "workload \"tsunami\": neither a file nor a built-in workload (step, ramp, bursty, spike, diurnal)"),
                Arguments.of("an invalid policy file → exit 1 with every problem, key and range", List.of("--policy", badPolicy.toString()), 1,
                        "policy.maxReplicas = 0: must be in [1, 100000]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refuses_bad_input_before_starting_anything(String name, List<String> args, int exit, String message) {
        List<String> argv = new ArrayList<>(List.of("experiment"));
        argv.addAll(args);
        if (!args.contains("--policy")) {
            argv.addAll(List.of("--policy", "greenscale"));
        }
        if (!args.contains("--out")) {
            argv.addAll(List.of("--out", tmp.resolve("never").toString()));
        }
        Result r = run(argv.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isEqualTo(exit);
        assertThat(r.err()).contains(message);
        assertThat(tmp.resolve("never")).doesNotExist();
    }
}
