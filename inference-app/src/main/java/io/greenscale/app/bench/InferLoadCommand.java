package io.greenscale.app.bench;

import io.greenscale.app.App;
import io.greenscale.app.compute.NativeEnvironment;
import io.greenscale.app.config.AppSettings;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code greenscale app load}: requests per second of {@code POST /v1/infer} and their latency
 * percentiles, from {@code --clients} closed-loop clients (each sends its next request when the last
 * one is answered), so the figure is the app's saturated throughput and the latency at that load.
 * Without {@code --url} it starts the app in this process, sharing the machine with the clients.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Measure requests/s and p50/p90/p99 latency of /v1/infer with a small batch (closed loop).")
public final class InferLoadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL", description = "base URL of a running app (default: start one in this process)")
    URI url;

    @Option(names = "--engine", paramLabel = "ENGINE", description = "engine of the in-process app (default: auto)")
    String engine = "auto";

    @Option(names = "--batch", paramLabel = "ROWS", description = "rows per request (default: 4)")
    int batch = 4;

    @Option(names = "--clients", paramLabel = "N", description = "concurrent closed-loop clients (default: 8)")
    int clients = 8;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "measured seconds (default: 20)")
    int durationSeconds = 20;

    @Option(names = "--warmup", paramLabel = "SECONDS", description = "unmeasured seconds first (default: 5)")
    int warmupSeconds = 5;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        App app = null;
        URI base = url;
        if (base == null) {
            AppSettings s = AppSettings.read(Map.of("--port", "0", "--engine", engine), Map.of(),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory());
            app = App.start(s, NativeEnvironment.system(), InstantSource.system());
            base = URI.create("http://127.0.0.1:" + app.port());
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!app.lifecycle().ready() && System.nanoTime() < deadline) {
                Thread.sleep(50); // waiting for warm-up, with a deadline
            }
        }
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            byte[] body = body(batch);
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/infer")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            Recorder recorder = new Recorder(3);
            AtomicLong errors = new AtomicLong();
            long start = System.nanoTime();
            long measureFrom = start + warmupSeconds * 1_000_000_000L;
            long end = measureFrom + durationSeconds * 1_000_000_000L;
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        boolean ok;
                        try {
                            ok = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                        } catch (Exception e) {
                            ok = false;
                        }
                        long t1 = System.nanoTime();
                        if (t0 >= measureFrom && t1 <= end) {
                            if (ok) {
                                recorder.recordValue((t1 - t0) / 1000);
                            } else {
                                errors.incrementAndGet();
                            }
                        }
                    }
                }));
            }
            while (System.nanoTime() < measureFrom) {
                Thread.sleep(10); // the clients run; this thread only marks the start of the measured window
            }
            MachineLoad before = MachineLoad.now();
            for (Thread t : threads) {
                t.join();
            }
            double others = MachineLoad.now().othersSince(before);
            Histogram h = recorder.getIntervalHistogram();
            out.printf(Locale.ROOT, "/v1/infer, batch %d (%d rows x %d floats), %d closed-loop clients, %d s measured after %d s warm-up, %d CPUs%n",
                    batch, batch, 256, clients, durationSeconds, warmupSeconds, Runtime.getRuntime().availableProcessors());
            if (app != null) {
                out.printf("app in this process: engine %s%n", app.engine().describe());
            }
            out.printf(Locale.ROOT, "requests/s %.0f   p50 %.2f ms   p90 %.2f ms   p99 %.2f ms   max %.2f ms   ok %d   errors %d%n",
                    h.getTotalCount() / (double) durationSeconds, h.getValueAtPercentile(50) / 1000.0,
                    h.getValueAtPercentile(90) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0,
                    h.getTotalCount(), errors.get());
            out.printf(Locale.ROOT, "other processes used %.2f CPUs meanwhile%s%n", others,
                    app != null ? " (this process: the app and its clients)" : "");
        } finally {
            if (app != null) {
                app.close();
            }
        }
        return 0;
    }

    private static byte[] body(int rows) {
        SplittableRandom random = new SplittableRandom(1);
        StringBuilder sb = new StringBuilder("{\"inputs\":[");
        for (int r = 0; r < rows; r++) {
            sb.append(r == 0 ? "[" : ",[");
            for (int j = 0; j < 256; j++) {
                sb.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f", random.nextDouble(-1, 1)));
            }
            sb.append(']');
        }
        return sb.append("]}").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
