package io.greenscale.daemon.figures;

import io.greenscale.daemon.loop.Daemon;
import io.greenscale.daemon.testing.DaemonHarness;
import io.greenscale.daemon.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One tick of the control loop over N targets, in process: per target a scale read and a pod list
 * (stand-in API server, reached through the official client), a queue read (real Redis), the
 * policy, and the decision log; per namespace one workload, HPA and pod-metrics list; one batched
 * p95 query (stand-in Prometheus); the decision log goes to a file. Read p50 of the
 * sample distribution.
 *
 * <p>{@code ./greenscale bench scaler/daemon TickBenchmark} (needs redis-server)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class TickBenchmark {
    @Param({"500"})
    int targets;

    BenchCluster cluster;
    Daemon daemon;
    MutableClock clock;
    Path log;
    long requestsBefore;
    long ticks;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        cluster = new BenchCluster(targets);
        log = Files.createTempFile("greenscale-bench-decisions", ".jsonl");
        clock = MutableClock.atNow();
        var config = DaemonHarness.config(cluster.config(null, "server: {enabled: false}\ndecisionLog: {stdout: false, file: \"" + log + "\"}"));
        daemon = Daemon.build(new Daemon.Parts(config, cluster.api.client(), null, clock, false));
        requestsBefore = cluster.api.requestCount();
    }

    @Benchmark
    public void tick() {
        ticks++;
        daemon.loop().tick(clock.advance(Duration.ofSeconds(5)));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        daemon.close();
        long requests = cluster.api.requestCount() - requestsBefore;
        long decisions;
        try (var lines = Files.lines(log)) {
            decisions = lines.count();
        }
        System.out.printf("%n%d targets: %d ticks, %d decisions logged (%.1f per tick), %.1f API requests and %.1f Prometheus queries per tick%n",
                targets, ticks, decisions, (double) decisions / ticks, (double) requests / ticks, (double) cluster.prometheus.queries() / ticks);
        Files.deleteIfExists(log);
        cluster.close();
    }
}
