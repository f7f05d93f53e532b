package io.greenscale.daemon.figures;

import io.greenscale.daemon.standin.Request;
import io.greenscale.daemon.testing.DaemonProcess;
import io.greenscale.localservers.FreePorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
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
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;

/**
 * {@code greenscale scaler run} as its own process, scaling N targets (real Redis, stand-in API
 * server and Prometheus), with the container's JVM settings. Each operation pushes a backlog of
 * 200 jobs onto one target's queue, at a random moment within the 5 s tick, and ends when that
 * target's scale write reaches the API server: the time from a backlog jump in Redis to the scale
 * write. At the end it prints the process's resident set size ({@code ps -o rss}) and its tick
 * duration from its own /metrics.
 *
 * <p>{@code ./greenscale bench scaler/daemon BacklogToWriteBenchmark} (needs redis-server)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 20)
@Fork(1)
public class BacklogToWriteBenchmark {
    @Param({"500"})
    int targets;

    /**
     * The container's JVM settings (scaler/daemon/Dockerfile: a 256 MiB limit × MaxRAMPercentage 37.5
     * = 96 MiB of heap, C1 only, a 24 MiB code cache), and the JVM's defaults with the same heap.
     */
    @Param({"-XX:+UseSerialGC -Xmx96m -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=24m", "-XX:+UseSerialGC -Xmx96m"})
    String jvm;

    BenchCluster cluster;
    DaemonProcess daemon;
    Path dir;
    int metricsPort;
    int next;
    String queue;
    String workload;

    @Setup(Level.Trial)
    public void start() throws Exception {
        cluster = new BenchCluster(targets);
        dir = Files.createTempDirectory("greenscale-latency");
        metricsPort = FreePorts.next();
        String config = cluster.config(cluster.api.writeKubeconfig(dir).toString(),
                "server: {port: " + metricsPort + "}\ndecisionLog: {stdout: false, file: \"" + dir.resolve("decisions.jsonl") + "\"}");
        daemon = DaemonProcess.start(dir, config, Map.of("POD_NAME", "scaler-0", "POD_NAMESPACE", "bench", "MALLOC_ARENA_MAX", "2"), List.of(jvm.split(" ")));
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> ticks() >= 2);
    }

    /** A fresh target each time (its stabilisation window must not remember an earlier jump), at a random phase of the tick. */
    @Setup(Level.Invocation)
    public void pick() throws InterruptedException {
        int i = next++ % targets;
        queue = "jobs-" + i;
        workload = "w-" + i;
        Thread.sleep(ThreadLocalRandom.current().nextLong(5000));
    }

    @Benchmark
    public Request backlogJumpToScaleWrite() throws Exception {
        String path = "/apis/apps/v1/namespaces/bench/deployments/" + workload + "/scale";
        CompletableFuture<Request> write = cluster.api.next(r -> r.method().equals("PUT") && r.path().equals(path));
        try (Jedis j = cluster.redis.connect()) {
            Transaction tx = j.multi();
            for (int n = 0; n < 200; n++) {
                tx.lpush(queue, "{\"id\":\"" + n + "\",\"kind\":\"matmul\",\"n\":64}");
                tx.incr(queue + ":stats:enqueued");
            }
            tx.exec();
        }
        return write.get(30, TimeUnit.SECONDS);
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        String metrics = metrics();
        System.out.printf("%nscaler run, %d targets, JVM %s: RSS %d MiB (ps -o rss) after %.0f ticks; tick duration mean %.0f ms (its /metrics)%n",
                targets, jvm, daemon.rssKib() / 1024, ticks(), 1000 * value(metrics, "greenscale_scaler_tick_duration_seconds_sum") / ticks());
        daemon.sigterm();
        daemon.waitFor(Duration.ofSeconds(30));
        cluster.close();
    }

    private double ticks() throws Exception {
        return value(metrics(), "greenscale_scaler_tick_duration_seconds_count");
    }

    private String metrics() throws Exception {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static double value(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + " ")).mapToDouble(l -> Double.parseDouble(l.substring(name.length() + 1)))
                .findFirst().orElse(0);
    }
}
