package io.greenscale.loadgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscale.loadgen.record.RunDirectory;
import io.greenscale.loadgen.serve.StallingServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LoadgenMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @TempDir
    Path tmp;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of("no target", new String[] {"run", "--rate", "5", "--duration", "1s"},
                        "Missing required option: '--target=URL'"),
                Arguments.of("a ramp value out of range names key, value and range",
                        new String[] {"run", "--target", "http://127.0.0.1:9/", "--profile", "ramp", "-P", "from=10", "-P", "to=-5",
                                "--duration", "1m"}, "to = -5.0: must be in [0, ∞)"),
                Arguments.of("an unknown profile key", new String[] {"run", "--target", "http://127.0.0.1:9/", "--profile", "ramp",
                        "-P", "from=1", "-P", "too=5", "--duration", "1m"}, "too: unknown key (did you mean to?)"),
                Arguments.of("--rate with a ramp", new String[] {"run", "--target", "http://127.0.0.1:9/", "--profile", "ramp",
                        "--rate", "5"}, "--rate sets the constant profile's rate"),
                Arguments.of("no rate at all", new String[] {"run", "--target", "http://127.0.0.1:9/", "--duration", "5s"},
                        "give --rate (and --duration)"),
                Arguments.of("a bad duration", new String[] {"run", "--target", "http://127.0.0.1:9/", "--rate", "5", "--duration", "soon"},
                        "'soon' is not a duration"),
                Arguments.of("an unsupported target", new String[] {"run", "--target", "ftp://host/x", "--rate", "5", "--duration", "1s"},
                        "expected http://host:port/path or redis://host:port/queue"),
                Arguments.of("a body placeholder with no column", new String[] {"run", "--target", "http://127.0.0.1:9/", "--rate", "5",
                        "--duration", "1s", "--body", "{\"n\": {input_tokens}}"}, "body placeholder {input_tokens} is not a column"),
                Arguments.of("more threads than connections", new String[] {"run", "--target", "http://127.0.0.1:9/", "--rate", "5",
                        "--duration", "1s", "--connections", "2", "--threads", "3"}, "--threads 3: must be in [1, 2]"),
                Arguments.of("no connections", new String[] {"run", "--target", "http://127.0.0.1:9/", "--rate", "5",
                        "--duration", "1s", "--connections", "0"}, "--connections 0: must be at least 1"),
                Arguments.of("a header HTTP does not allow", new String[] {"run", "--target", "http://127.0.0.1:9/", "--rate", "5",
                        "--duration", "1s", "-H", "X-Bad: a\rb"}, "--header"),
                Arguments.of("a missing trace", new String[] {"run", "--target", "http://127.0.0.1:9/", "--trace", "/nonexistent.csv"},
                        "trace /nonexistent.csv: no such file"));
    }

    @ParameterizedTest(name = "{0} → exit 2")
    @MethodSource("usageErrors")
    void usageErrorsExitTwoWithAClearMessage(String name, String[] args, String message) {
        assertThat(LoadgenMain.execute(args)).isEqualTo(2);
        assertThat(stderr()).contains(message);
    }

    @Test
    void anUnreachableTargetExitsOneBeforeRunning() {
        int code = LoadgenMain.execute("run", "--target", "http://127.0.0.1:1/", "--rate", "5", "--duration", "60s",
                "--timeout", "1s", "--out", tmp.resolve("r").toString());
        assertThat(code).isEqualTo(1);
        assertThat(stderr()).contains("loadgen: target unreachable: cannot connect to 127.0.0.1:1");
        assertThat(tmp.resolve("r")).doesNotExist();
    }

    @Test
    void aRunWritesItsDirectoryAndPrintsTheSummary() throws IOException {
        Path profile = tmp.resolve("p.yaml");
        Files.writeString(profile, "profile: chain\nsegments:\n  - {profile: constant, rate: 20, duration: 1s}\n"
                + "  - {profile: ramp, from: 20, to: 60, duration: 1s}\n");
        try (StallingServer server = StallingServer.start(0)) {
            int code = LoadgenMain.execute("run", "--target", server.url(), "--profile-file", profile.toString(),
                    "--arrivals", "uniform", "--body", "{\"n\": 16, \"seq\": {seq}}", "--out", tmp.resolve("r").toString());

            assertThat(code).isEqualTo(0);
            assertThat(server.requests()).isEqualTo(60);
        }
        String summary = out.toString(StandardCharsets.UTF_8);
        assertThat(summary).contains("open loop: requests sent on schedule", "requests   intended 60  sent 60  completed 60",
                "latency    (from intended, ms)", "schedule   send lag");
        assertThat(stderr()).contains("rate").contains("p99");
        RunDirectory run = RunDirectory.open(tmp.resolve("r"));
        assertThat(run.readRunInfo()).containsEntry("kind", "loadgen").containsKey("duration_s");
        assertThat(run.readSummary().requests().completed()).isEqualTo(60);
        assertThat(Files.readString(run.file("latency.hlog"))).contains("#[StartTime:");
    }

    @Test
    void warmupTrafficIsSentButNotRecorded() {
        try (StallingServer server = StallingServer.start(0)) {
            int code = LoadgenMain.execute("run", "--target", server.url(), "--rate", "20", "--duration", "1s", "--warmup", "1s",
                    "--arrivals", "uniform", "--quiet", "--out", tmp.resolve("w").toString());
            assertThat(code).isEqualTo(0);
            assertThat(server.requests()).as("20 warm-up requests, then 20 measured").isEqualTo(40);
        }
        RunDirectory run = RunDirectory.open(tmp.resolve("w"));
        assertThat(run.readSummary().requests().intended()).isEqualTo(20);
        assertThat(run.readRunInfo()).containsEntry("warmup_s", 1.0);
        assertThat(stderr()).contains("warming up for 1.0 s at 20.0/s (not recorded)");
    }

    @Test
    void closedLoopIsLabelledAsSuch() {
        try (StallingServer server = StallingServer.start(0)) {
            int code = LoadgenMain.execute("run", "--target", server.url(), "--closed-loop", "--users", "2", "--think", "50ms",
                    "--duration", "1s", "--quiet", "--out", tmp.resolve("c").toString());
            assertThat(code).isEqualTo(0);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("CLOSED LOOP (2 users, think 0.1 s)", "stalls are hidden");
        assertThat(RunDirectory.open(tmp.resolve("c")).readRunInfo()).containsEntry("closed_loop", true);
    }
}
