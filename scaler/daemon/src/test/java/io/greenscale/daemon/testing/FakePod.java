package io.greenscale.daemon.testing;

import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A pod's /metrics as the inference app exposes it (client_java): the request-duration histogram,
 * the in-flight gauge, and a DCGM-style GPU utilisation gauge. A background thread keeps
 * observing the configured latency, so rate() over the histogram has data.
 */
public final class FakePod implements AutoCloseable {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Histogram requests = Histogram.builder().name("greenscale_app_request_duration_seconds")
            .help("HTTP request duration").labelNames("endpoint", "code").classicOnly()
            .classicUpperBounds(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5).register(registry);
    private final Gauge inFlight = Gauge.builder().name("greenscale_app_in_flight").help("in flight").register(registry);
    private final Gauge gpu = Gauge.builder().name("DCGM_FI_DEV_GPU_UTIL").help("GPU utilisation, percent").labelNames("gpu").register(registry);
    private final HTTPServer server;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile double latencySeconds;

    /** @param latencySeconds observed every 10 ms; a negative value observes nothing (an idle pod) */
    public FakePod(double latencySeconds, double inFlightJobs, double gpuPercent) {
        this.latencySeconds = latencySeconds;
        inFlight.set(inFlightJobs);
        gpu.labelValues("0").set(gpuPercent);
        requests.initLabelValues("/infer", "200");
        try {
            server = HTTPServer.builder().hostname("127.0.0.1").port(0).registry(registry).buildAndStart();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(() -> {
            while (running.get()) {
                if (this.latencySeconds >= 0) {
                    requests.labelValues("/infer", "200").observe(this.latencySeconds);
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    public String hostPort() {
        return "127.0.0.1:" + server.getPort();
    }

    /** DCGM_FI_DEV_GPU_UTIL in percent (NaN as a broken exporter reports it). */
    public void gpu(double percent) {
        gpu.labelValues("0").set(percent);
    }

    /** The exporter stops reporting the GPU (its series disappears). */
    public void gpuGone() {
        gpu.remove("0");
    }

    public void latency(double seconds) {
        latencySeconds = seconds;
    }

    @Override
    public void close() {
        running.set(false);
        server.close();
    }
}
