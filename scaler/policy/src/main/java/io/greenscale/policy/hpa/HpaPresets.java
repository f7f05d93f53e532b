package io.greenscale.policy.hpa;

import io.greenscale.policy.hpa.spec.HpaConfig;
import io.greenscale.policy.hpa.spec.HpaSpec;
import io.greenscale.policy.hpa.spec.MetricSpec;
import io.greenscale.policy.hpa.spec.MetricTarget;
import java.util.List;

/**
 * The HPAs the simulator and the reports compare against, as users commonly deploy them: no
 * {@code behavior} (legacy path), production controller constants.
 */
public final class HpaPresets {
    /** The DCGM exporter's GPU duty cycle, in percent, served per pod through prometheus-adapter. */
    public static final String GPU_METRIC = "DCGM_FI_DEV_GPU_UTIL";

    private HpaPresets() {}

    /** {@code hpa-cpu70}: Resource cpu, Utilization 70 %. */
    public static HpaPolicy cpu70(int minReplicas, int maxReplicas) {
        return cpu(70, minReplicas, maxReplicas);
    }

    /** {@code hpa-cpu90}: Resource cpu, Utilization 90 %. */
    public static HpaPolicy cpu90(int minReplicas, int maxReplicas) {
        return cpu(90, minReplicas, maxReplicas);
    }

    /** {@code hpa-cpu<N>}: Resource cpu at {@code targetPercent} % of the pods' CPU request. */
    public static HpaPolicy cpu(int targetPercent, int minReplicas, int maxReplicas) {
        HpaSpec spec = new HpaSpec(minReplicas, maxReplicas,
                List.of(new MetricSpec.ResourceMetric("cpu", new MetricTarget.Utilization(targetPercent))), null);
        return new HpaPolicy("hpa-cpu" + targetPercent, spec, HpaConfig.production());
    }

    /**
     * {@code hpa-gpu}: Pods metric {@value #GPU_METRIC} with an AverageValue target in percent
     * (80 → 80000 milli), the sample under that name in each pod's metrics.
     */
    public static HpaPolicy gpu(int minReplicas, int maxReplicas, double targetPercent) {
        HpaSpec spec = new HpaSpec(minReplicas, maxReplicas,
                List.of(new MetricSpec.PodsMetric(GPU_METRIC, new MetricTarget.AverageValue(Math.round(targetPercent * 1000)))), null);
        return new HpaPolicy("hpa-gpu", spec, HpaConfig.production());
    }
}
