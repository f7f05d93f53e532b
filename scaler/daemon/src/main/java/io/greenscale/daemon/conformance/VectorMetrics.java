package io.greenscale.daemon.conformance;

import io.greenscale.policy.hpa.calc.CalculationException;
import io.greenscale.policy.hpa.controller.MetricsClient;
import io.greenscale.policy.signal.PodSnapshot;
import io.greenscale.policy.signal.PodSnapshot.MetricSample;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics APIs of a {@code controller.*} vector: resource and pods metrics from the pods'
 * samples plus {@code unmatchedResourceMetrics}; {@code objectMetrics} and {@code externalMetrics}
 * by metric name. An Object metric absent from its map, or an External one whose list is null, is
 * a fetch error ("something went wrong", as upstream's failing fake clients say).
 */
record VectorMetrics(List<PodSnapshot> pods, Map<String, Map<String, MetricSample>> unmatched,
                     Map<String, Long> objects, Map<String, List<Long>> externals) implements MetricsClient {

    @Override
    public Map<String, MetricSample> resourceMetric(String resource) {
        Map<String, MetricSample> samples = podSamples(resource);
        samples.putAll(unmatched.getOrDefault(resource, Map.of()));
        return samples;
    }

    @Override
    public Map<String, MetricSample> podsMetric(String metricName) {
        return podSamples(metricName);
    }

    @Override
    public long objectMetric(String metricName, String describedObject) throws CalculationException {
        Long v = objects.get(metricName);
        if (v == null) {
            throw new CalculationException("unable to get metric " + metricName + ": something went wrong");
        }
        return v;
    }

    @Override
    public List<Long> externalMetric(String metricName) throws CalculationException {
        List<Long> v = externals.get(metricName);
        if (v == null) {
            throw new CalculationException("unable to get external metric " + metricName + ": something went wrong");
        }
        return v;
    }

    private Map<String, MetricSample> podSamples(String name) {
        Map<String, MetricSample> samples = new HashMap<>();
        for (PodSnapshot pod : pods) {
            MetricSample s = pod.metrics().get(name);
            if (s != null) {
                samples.put(pod.name(), s);
            }
        }
        return samples;
    }
}
