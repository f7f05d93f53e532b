package io.greenscale.analysis.write;

import io.greenscale.analysis.fixtures.SyntheticRuns;
import io.greenscale.analysis.run.RunData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The analyser's share of {@code greenscale compare}: scorecards, aggregates, 28 charts in PNG
 * and SVG and report.html for 7 scenarios × 7 policies × 5 seeds of 60 simulated minutes (245
 * runs, 882,000 seconds). {@code cold} is one report in a fresh JVM, as compare writes it (the
 * synthetic runs are built first, outside the measurement); {@code warm} is the steady state.
 *
 * <pre>./greenscale bench analysis ReportBenchmark</pre>
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Djava.awt.headless=true", "-Xmx4g"})
public class ReportBenchmark {
    @Param({"3600"})
    int durationS;

    List<RunData> runs;
    Path out;

    @Setup(Level.Trial)
    public void buildRuns() throws IOException {
        runs = SyntheticRuns.grid(7, 7, 5, durationS);
        out = Files.createTempDirectory("report-benchmark");
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(value = 5, jvmArgsAppend = {"-Djava.awt.headless=true", "-Xmx4g"})
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public ReportResult cold() {
        return Report.write(out, runs, ReportOptions.compare(Instant.EPOCH));
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 5)
    @Measurement(iterations = 5)
    public ReportResult warm() {
        return Report.write(out, runs, ReportOptions.compare(Instant.EPOCH));
    }
}
