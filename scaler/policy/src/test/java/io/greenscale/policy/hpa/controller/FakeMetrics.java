package io.greenscale.policy.hpa.controller;

import io.greenscale.policy.hpa.calc.CalculationException;
import io.greenscale.policy.signal.PodSnapshot;
import io.greenscale.policy.signal.PodSnapshot.MetricSample;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Metrics APIs that serve the pods' own samples plus fixed Object/External values; a null external list is a fetch error. */
record FakeMetrics(List<PodSnapshot> pods, Map<String, Long> objects, Map<String, List<Long>> externals) implements MetricsClient {

    static FakeMetrics of(List<PodSnapshot> pods) {
        return new FakeMetrics(pods, Map.of(), Map.of());
    }

    @Override
    public Map<String, MetricSample> resourceMetric(String resource) {
        return samples(resource);
    }

    @Override
    public Map<String, MetricSample> podsMetric(String metricName) {
        return samples(metricName);
    }

    @Override
    public long objectMetric(String metricName, String describedObject) throws CalculationException {
        Long v = objects.get(metricName);
        if (v == null) {
            throw new CalculationException("something went wrong");
        }
        return v;
    }

    @Override
    public List<Long> externalMetric(String metricName) throws CalculationException {
        List<Long> v = externals.get(metricName);
        if (v == null) {
            throw new CalculationException("something went wrong");
        }
        return v;
    }

    private Map<String, MetricSample> samples(String name) {
        Map<String, MetricSample> m = new HashMap<>();
        pods.forEach(p -> {
            if (p.metrics().containsKey(name)) {
                m.put(p.name(), p.metrics().get(name));
            }
        });
        return m;
    }
}
