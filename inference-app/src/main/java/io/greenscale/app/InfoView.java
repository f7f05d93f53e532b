package io.greenscale.app;

import io.greenscale.app.admit.Lifecycle;
import io.greenscale.app.compute.CpuInfo;
import io.greenscale.app.compute.Engine;
import io.greenscale.app.compute.cuda.GpuTelemetry;
import io.greenscale.app.config.AppSettings;
import io.greenscale.app.http.InfoBody;
import io.greenscale.app.model.Mlp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The body of {@code GET /info}: what runs here and how it is configured. */
record InfoView(AppSettings s, Engine engine, List<String> fallbacks, Mlp model, Optional<GpuTelemetry> gpu, CpuInfo cpu,
                Lifecycle lifecycle) {

    static String version() {
        String v = App.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    Object view() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("kind", engine.kind().label());
        e.put("device", engine.device());
        e.put("description", engine.describe());
        e.put("engine_threads", s.engineThreads());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layers", model.widths());
        m.put("seed", s.seed());
        m.put("flops_per_row", model.flopsPerRow());
        m.put("model_load_delay_seconds", s.modelLoadDelay().toMillis() / 1000.0);
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("max_n", s.limits().maxN());
        limits.put("max_iterations", s.limits().maxIterations());
        limits.put("max_batch", s.limits().maxBatch());
        limits.put("max_body_bytes", s.maxBodyBytes());
        Map<String, Object> admission = new LinkedHashMap<>();
        admission.put("concurrency", s.concurrency());
        admission.put("max_waiting", s.maxWaiting());
        admission.put("service_time_scale", s.serviceTimeScale());
        admission.put("service_time_min_seconds", s.minServiceTime().toMillis() / 1000.0);
        admission.put("service_time_cv", s.serviceTimeCv());
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("telemetry", gpu.map(GpuTelemetry::describe).orElse("none"));
        Map<String, Object> w = new LinkedHashMap<>();
        if (s.mode().worker()) {
            w.put("id", s.workerId());
            w.put("queue", s.queue());
            w.put("redis", s.redis().getHost() + ":" + (s.redis().getPort() < 0 ? 6379 : s.redis().getPort()));
            w.put("heartbeat_seconds", s.heartbeat().toMillis() / 1000.0);
            w.put("result_ttl_seconds", s.resultTtl().toSeconds());
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("model", cpu.model());
        c.put("cpus", cpu.cpus());
        cpu.nominalPeakGflops().ifPresent(p -> c.put("nominal_peak_gflops", p));
        return new InfoBody(version(), s.mode().name().toLowerCase(Locale.ROOT), e, fallbacks, m, limits,
                admission, g, w, c, lifecycle.state().name().toLowerCase(Locale.ROOT));
    }
}
