package io.greenscale.analysis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscale.analysis.fixtures.GoldenRuns;
import io.greenscale.analysis.fixtures.RunBuilder;
import io.greenscale.analysis.fixtures.RunDirs;
import io.greenscale.analysis.run.RunData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class ReportCommandTest {
    static final Instant NOW = Instant.parse("2026-11-22T10:15:00Z");

    @TempDir
    static Path tmp;

    record Result(int exit, String out, String err) {}

    /** Runs {@code greenscale ARGS} through AnalysisMain's command line, with a fixed clock. */
    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == ReportCommand.class ? cls.cast(new ReportCommand(InstantSource.fixed(NOW))) : CommandLine.defaultFactory().create(cls);
            }
        };
        int exit = new CommandLine(new AnalysisMain(), factory).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    static List<String> runDirs(String parent) {
        Path dir = tmp.resolve(parent);
        if (!Files.exists(dir)) {
            GoldenRuns.all().forEach(r -> RunDirs.write(dir, r));
        }
        return GoldenRuns.all().stream().map(r -> dir.resolve(r.name()).toString()).toList();
    }

    static List<String> args(List<String> dirs, String... options) {
        List<String> a = new ArrayList<>(List.of("report"));
        a.addAll(dirs);
        a.addAll(List.of(options));
        return a;
    }

    @Test
    void writesTheReportAndPrintsTheScorecard() throws Exception {
        Path out = tmp.resolve("out-ok");
        Result r = run(args(runDirs("runs"), "--out", out.toString(), "--no-plots").toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("step — Load step ×3", "greenscale", "hpa-cpu70", "Wrote " + out.resolve("report.html"));
        assertThat(out.resolve("report.html")).isNotEmptyFile();
        assertThat(Files.readAllLines(out.resolve("summary.csv"))).as("one row per run").hasSize(1 + 6);
        assertThat(Files.readString(out.resolve("runs.csv"))).contains("step-hpa-cpu70-2,simulation,step,hpa-cpu70,2,500,3600,3700,3600,0.9351,140");
    }

    @Test
    void priceOnTheCommandLineReplacesRunJsons() throws Exception {
        Path out = tmp.resolve("out-price");
        Result r = run(args(runDirs("runs"), "--out", out.toString(), "--price", "10", "--no-plots").toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(out.resolve("runs.csv"))).contains(",hlog,10800,3,30,1.5,");
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of("no run directory", List.of("report"), "Missing required parameter"),
                Arguments.of("an unknown option", List.of("report", "x", "--colour"), "Unknown option: '--colour'"),
                Arguments.of("a negative price", List.of("report", "x", "--price", "-1"), "--price = -1.0: must be in [0, ∞)"),
                Arguments.of("a zero SLO", List.of("report", "x", "--slo-ms", "0"), "--slo-ms = 0.0: must be in (0, ∞)"),
                Arguments.of("a price that is not a number", List.of("report", "x", "--price", "cheap"), "'cheap' is not a double"));
    }

    @ParameterizedTest(name = "{0} → exit 2")
    @MethodSource("usageErrors")
    void usageErrorsExitTwo(String name, List<String> args, String message) {
        Result r = run(args.toArray(String[]::new));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(message);
    }

    @Test
    void aDirectoryThatIsNotARunExitsOneNamingIt() throws Exception {
        Path notARun = Files.createDirectories(tmp.resolve("holiday-photos"));
        Result r = run(args(List.of(runDirs("runs").getFirst(), notARun.toString()), "--out", tmp.resolve("out-bad").toString())
                .toArray(String[]::new));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("greenscale report: " + notARun + ": not a run directory (no run.json)");
        assertThat(tmp.resolve("out-bad")).doesNotExist();
    }

    @Test
    void aShadowLogAndARealRunBesideASimulatedOneGetTheirOwnSections() throws Exception {
        Path dir = tmp.resolve("mixed");
        RunData sim = RunBuilder.simulated("sim", "step", "greenscale", 1).latencyMillis(200, 100)
                .seconds(120, s -> s.arrivals(1).completions(1).readyReplicas(2).latencyMillis(100.0, 200.0, 210.0)).build();
        RunData real = RunBuilder.simulated("real", "step", "greenscale", 1).info("kind", "experiment").latencyMillis(260, 100)
                .seconds(120, s -> s.arrivals(1).completions(1).readyReplicas(3).latencyMillis(120.0, 260.0, 300.0)).build();
        RunData shadow = RunBuilder.bare("shadow").info("kind", "shadow").info("slo", Map.of("p95_ms", 500))
                .decision(0, 2, 3, 2, "SCALE_UP").decision(15, 2, 3, 2, "STABILIZED").decision(30, 3, 3, 3, "STEADY")
                .seconds(45, s -> s.arrivals(5).completions(5).readyReplicas(2).latencyMillis(100.0, 600.0, 700.0)).build();
        List<String> dirs = Stream.of(sim, real, shadow).map(x -> RunDirs.write(dir, x).toString()).toList();
        Path out = tmp.resolve("out-mixed");
        Result r = run(args(dirs, "--out", out.toString()).toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("id=\"shadow\"", "id=\"fidelity\"", "STABILIZED", "GreenScale wanted more");
        assertThat(out.resolve("plots/shadow-shadow.svg")).isNotEmptyFile();
        assertThat(out.resolve("plots/fidelity-real.png")).isNotEmptyFile();
    }
}
