package io.greenscale.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code greenscale hpa conformance}: output lines and exit codes, through the real command line. */
class HpaCommandTest {
    private static final String UPSTREAM = "../policy/src/test/resources/hpa-vectors/upstream.json";

    @TempDir
    Path dir;

    private record Run(int exit, List<String> out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ScalerMain()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString().lines().toList(), err.toString());
    }

    private Path vectors(String body) throws IOException {
        Path f = dir.resolve("v.json");
        Files.writeString(f, "{\"schema\": \"hpa-vectors/1\", \"vectors\": [" + body + "]}");
        return f;
    }

    private static final String PASSING = """
            {"id": "ok", "kind": "legacy.clamp", "input": {"currentReplicas": 5, "desiredReplicas": 7, "minReplicas": 3, "maxReplicas": 8},
             "expected": {"replicas": 7, "reason": "DesiredWithinRange"}}""";
    private static final String FAILING = """
            {"id": "bad-on-purpose", "kind": "legacy.clamp", "input": {"currentReplicas": 5, "desiredReplicas": 7, "minReplicas": 3, "maxReplicas": 8},
             "expected": {"replicas": 8, "reason": "DesiredWithinRange"}}""";

    @Test
    void allPassingExitsZeroAndEndsWithTheCounts() {
        Run r = run("hpa", "conformance", UPSTREAM);

        assertThat(r.exit()).isZero();
        assertThat(r.out()).singleElement().satisfies(line -> assertThat(line).matches("\\d+ passed, 0 failed"));
    }

    @Test
    void aFailingVectorPrintsOneLineWithIdExpectedAndActualAndExitsOne() throws IOException {
        Run r = run("hpa", "conformance", vectors(PASSING + "," + FAILING).toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).containsExactly(
                "FAIL bad-on-purpose [legacy.clamp] (v.json): replicas: expected 8, actual 7",
                "1 passed, 1 failed");
    }

    @Test
    void summaryListsTheCountsPerKind() {
        Run r = run("hpa", "conformance", "--summary", UPSTREAM);

        assertThat(r.out()).anySatisfy(line -> assertThat(line).matches("controller\\.reconcile\\s+\\d+\\s+0"));
        assertThat(r.out().getLast()).endsWith("passed, 0 failed");
    }

    @Test
    void aMalformedVectorExitsTwoNamingFileAndVector() throws IOException {
        Path f = vectors(PASSING.replace("\"minReplicas\": 3, ", ""));
        Run r = run("hpa", "conformance", f.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(f + ": vector ok: input.minReplicas: is required");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnreadableFileExitsTwo() {
        Run r = run("hpa", "conformance", dir.resolve("nope.json").toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("nope.json: cannot be read");
    }

    @Test
    void noFileIsAUsageErrorExitingTwo() {
        Run r = run("hpa", "conformance");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required parameter: 'FILE'");
    }
}
