package io.greenscale.app.metrics;

import io.greenscale.app.admit.ComputeGate;
import io.greenscale.app.compute.Engine;
import io.greenscale.app.compute.cuda.GpuTelemetry;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The app's metrics, under the names the scaler's default PromQL templates use. Histograms are classic
 * (explicit buckets) because {@code histogram_quantile(… _bucket …)} is what those templates query.
 */
public final class AppMetrics {
    /** Seconds: 1 ms to 2 min, dense where inference latencies live. */
    private static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75,
        1, 1.5, 2, 3, 5, 7.5, 10, 15, 20, 30, 60, 120};

    /** The outcomes of {@code greenscale_app_jobs_total}. */
    public enum Outcome {
        COMPLETED, FAILED, DEAD_LETTERED, RECLAIMED;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Histogram requestDuration;
    private final Histogram jobDuration;
    private final Histogram jobLatency;
    private final Counter jobs;

    public AppMetrics(Engine engine, ComputeGate gate, Optional<GpuTelemetry> gpu) {
        requestDuration = Histogram.builder().name("greenscale_app_request_duration_seconds")
                .help("HTTP request duration in seconds, admission wait included").labelNames("endpoint", "code")
                .classicOnly().classicUpperBounds(BUCKETS).register(registry);
        jobDuration = Histogram.builder().name("greenscale_app_job_duration_seconds")
                .help("Queue job duration in seconds, from pick-up to completion").classicOnly().classicUpperBounds(BUCKETS)
                .register(registry);
        jobLatency = Histogram.builder().name("greenscale_app_job_latency_seconds")
                .help("Queue job latency in seconds, from enqueue to completion").classicOnly().classicUpperBounds(BUCKETS)
                .register(registry);
        jobs = Counter.builder().name("greenscale_app_jobs_total").help("Queue jobs by outcome").labelNames("outcome")
                .register(registry);
        for (Outcome o : Outcome.values()) {
            jobs.labelValues(o.label()); // every outcome exposed from the start, so rate() sees the first increment
        }
        GaugeWithCallback.builder().name("greenscale_app_in_flight").help("HTTP requests and jobs being computed now")
                .callback(cb -> cb.call(gate.running())).register(registry);
        GaugeWithCallback.builder().name("greenscale_app_waiting").help("Admitted work waiting for a compute slot")
                .callback(cb -> cb.call(gate.waiting())).register(registry);
        Info.builder().name("greenscale_app_engine_info").help("The compute engine in use").labelNames("engine", "device")
                .register(registry).addLabelValues(engine.kind().label(), engine.device());
        gpu.ifPresent(this::registerGpu);
        JvmMetrics.builder().register(registry);
    }

    private void registerGpu(GpuTelemetry gpu) {
        // One NVML read per scrape serves all three gauges' callbacks closely enough: each is a cheap driver query.
        GaugeWithCallback.builder().name("greenscale_app_gpu_utilization_ratio")
                .help("GPU duty cycle (0-1): share of the last sample period in which a kernel ran").labelNames("gpu")
                .callback(cb -> samples(gpu).forEach(s -> s.utilizationRatio().ifPresent(u -> cb.call(u, s.gpu()))))
                .register(registry);
        GaugeWithCallback.builder().name("greenscale_app_gpu_memory_used_bytes").help("GPU memory in use, bytes")
                .labelNames("gpu").callback(cb -> samples(gpu).forEach(s -> cb.call(s.memoryUsedBytes(), s.gpu())))
                .register(registry);
        GaugeWithCallback.builder().name("greenscale_app_gpu_memory_total_bytes").help("GPU memory in all, bytes")
                .labelNames("gpu").callback(cb -> samples(gpu).forEach(s -> cb.call(s.memoryTotalBytes(), s.gpu())))
                .register(registry);
    }

    private static List<GpuTelemetry.Sample> samples(GpuTelemetry gpu) {
        try {
            return gpu.sample();
        } catch (RuntimeException e) {
            return List.of(); // a failed read leaves a gap in the series rather than failing the scrape
        }
    }

    public void request(String endpoint, int status, double seconds) {
        requestDuration.labelValues(endpoint, Integer.toString(status)).observe(seconds);
    }

    public void jobCompleted(double pickupToDoneSeconds, Optional<Double> enqueueToDoneSeconds) {
        jobs.labelValues(Outcome.COMPLETED.label()).inc();
        jobDuration.observe(pickupToDoneSeconds);
        enqueueToDoneSeconds.ifPresent(jobLatency::observe);
    }

    public void jobs(Outcome outcome, long count) {
        jobs.labelValues(outcome.label()).inc(count);
    }

    /** The Prometheus text format (0.0.4), which every Prometheus 2.x scrapes. */
    public byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape(), EscapingScheme.ALLOW_UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static String contentType() {
        return "text/plain; version=0.0.4; charset=utf-8";
    }
}
