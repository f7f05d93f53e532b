package io.greenscale.policy.keda;

import io.greenscale.policy.hpa.calc.CalculationException;
import io.greenscale.policy.hpa.controller.MetricsClient;
import io.greenscale.policy.signal.PodSnapshot.MetricSample;
import java.util.List;
import java.util.Map;

/**
 * KEDA's metrics server as the HPA underneath sees it: each trigger's current value as an
 * external metric, or — once the trigger has failed more than {@code failureThreshold} times in a
 * row — the fallback value {@code target × fallback.replicas} (KEDA docs, "fallback"; only for
 * AverageValue triggers). A failed read without an active fallback fails the metric.
 */
final class KedaMetricsClient implements MetricsClient {
    private final KedaSpec spec;
    private final Map<String, TriggerRead> reads;
    private final Map<String, Integer> failures;

    KedaMetricsClient(KedaSpec spec, Map<String, TriggerRead> readsByMetric, Map<String, Integer> failures) {
        this.spec = spec;
        this.reads = readsByMetric;
        this.failures = failures;
    }

    /** True when the fallback value stands in for this metric (KEDA: failures > failureThreshold). */
    boolean fallbackActive(KedaTrigger trigger) {
        return spec.fallback() != null && trigger.averageValue()
                && failures.getOrDefault(trigger.metricName(), 0) > spec.fallback().failureThreshold()
                && reads.get(trigger.metricName()).failed();
    }

    boolean fallbackActiveFor(String metricName) {
        TriggerRead read = reads.get(metricName);
        return read != null && fallbackActive(read.trigger());
    }

    @Override
    public List<Long> externalMetric(String metricName) throws CalculationException {
        TriggerRead read = reads.get(metricName);
        if (read == null) {
            throw new CalculationException("no external metric " + metricName + " is served by this ScaledObject");
        }
        if (!read.failed()) {
            return List.of(Math.round(read.value() * 1000.0));
        }
        if (fallbackActive(read.trigger())) {
            return List.of(read.trigger().targetMilli() * spec.fallback().replicas());
        }
        throw new CalculationException("scaler " + read.trigger().type() + " failed: " + read.failure());
    }

    @Override
    public Map<String, MetricSample> resourceMetric(String resource) throws CalculationException {
        throw new CalculationException("KEDA serves external metrics only");
    }

    @Override
    public Map<String, MetricSample> podsMetric(String metricName) throws CalculationException {
        throw new CalculationException("KEDA serves external metrics only");
    }

    @Override
    public long objectMetric(String metricName, String describedObject) throws CalculationException {
        throw new CalculationException("KEDA serves external metrics only");
    }
}
