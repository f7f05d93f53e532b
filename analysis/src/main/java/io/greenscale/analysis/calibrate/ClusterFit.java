package io.greenscale.analysis.calibrate;

import io.greenscale.analysis.sim.ClusterModel;
import io.greenscale.analysis.sim.ClusterModelReader;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cluster model a run calibrates: the fitted service time and lifecycle, the CPU use where it
 * could be fitted (else the defaults), and what the run itself fixed — the worker's slots and CPU
 * request, the termination grace, the metrics pipeline. As a YAML tree that
 * {@code simulate --cluster} reads back to the same model. Pure.
 *
 * @param concurrency    slots per replica: the worker's {@code --concurrency}
 * @param cpuRequest     cores each worker requests
 * @param grace          the workers' termination grace
 * @param scrapeInterval Prometheus' scrape interval in the run
 * @param metricsServerResolution the per-process CPU sampling period in the run
 * @param latencyWindow  the p95 query's window in the run
 */
public record ClusterFit(ServiceFit service, ColdStartFit lifecycle, CpuFit cpu, int concurrency, double cpuRequest, Duration grace,
                         Duration scrapeInterval, Duration metricsServerResolution, Duration latencyWindow, double pricePerGpuHour) {

    public Map<String, Object> yaml() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("dispatch", "queue");
        root.put("service", map("base", ms(service.meanSeconds()), "distribution", "lognormal", "cv", round(Math.min(5, service.cv()), 4),
                "concurrency", concurrency, "maxBatch", 1));
        root.put("lifecycle", map("schedulingDelay", ms(lifecycle.schedulingSeconds()), "coldStart", ms(lifecycle.coldStartSeconds()),
                "coldStartJitter", round(lifecycle.jitter(), 3), "terminationGrace", grace.toMillis() + "ms"));
        ClusterModel.Resources defaults = ClusterModelReader.defaults().resources();
        root.put("resources", map("cpuRequest", cpuRequest,
                "cpuIdle", round(cpu.idleCores() != null ? cpu.idleCores() : defaults.cpuIdle(), 4),
                "cpuPerBusySlot", round(cpu.perBusySlotCores() != null ? cpu.perBusySlotCores() : defaults.cpuPerBusySlot(), 4),
                "cpuStartup", round(cpu.startupCores() != null ? cpu.startupCores() : defaults.cpuStartup(), 4),
                "gpusPerReplica", 1));
        root.put("metrics", map("metricsServerResolution", metricsServerResolution.toSeconds() + "s", "scrapeInterval",
                scrapeInterval.toSeconds() + "s", "latencyWindow", latencyWindow.toSeconds() + "s", "rateWindow", "60s"));
        root.put("cost", map("pricePerGpuHour", pricePerGpuHour));
        return root;
    }

    /** The model the YAML describes (which also checks it is one the simulator accepts). */
    public ClusterModel model() {
        return ClusterModelReader.parse(yaml(), "cluster");
    }

    private static String ms(double seconds) {
        return Math.round(seconds * 1000) + "ms";
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
