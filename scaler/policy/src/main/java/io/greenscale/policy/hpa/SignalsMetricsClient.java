package io.greenscale.policy.hpa;

import io.greenscale.policy.hpa.calc.CalculationException;
import io.greenscale.policy.hpa.controller.MetricsClient;
import io.greenscale.policy.signal.PodSnapshot;
import io.greenscale.policy.signal.PodSnapshot.MetricSample;
import io.greenscale.policy.signal.Reading;
import io.greenscale.policy.signal.Signal;
import io.greenscale.policy.signal.Signals;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves the controller's metric reads from one tick's {@link Signals}: Resource and Pods metrics
 * from the pods' samples, Object and External metrics from {@link Signals#extra(String)}, falling
 * back to the {@link Signal} whose key is the metric name ({@code queue} → backlog). A missing
 * value is a fetch error, as an unreachable metrics API would be.
 */
final class SignalsMetricsClient implements MetricsClient {
    private final Signals signals;

    SignalsMetricsClient(Signals signals) {
        this.signals = signals;
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
        return milli(metricName);
    }

    @Override
    public List<Long> externalMetric(String metricName) throws CalculationException {
        return List.of(milli(metricName));
    }

    private Map<String, MetricSample> samples(String name) {
        Map<String, MetricSample> byPod = new HashMap<>();
        for (PodSnapshot pod : signals.pods()) {
            MetricSample s = pod.metrics().get(name);
            if (s != null) {
                byPod.put(pod.name(), s);
            }
        }
        return byPod;
    }

    /** The named value in milli-units; readings are in natural units (a backlog of 12 jobs → 12000). */
    private long milli(String name) throws CalculationException {
        Reading reading = reading(signals, name);
        if (reading instanceof Reading.Present p) {
            return Math.round(p.value() * 1000.0);
        }
        throw new CalculationException("unable to fetch metric " + name + ": " + ((Reading.Absent) reading).reason());
    }

    /** The extra metric called {@code name}, else the signal whose key is {@code name}. */
    static Reading reading(Signals signals, String name) {
        Reading extra = signals.extra(name);
        if (extra instanceof Reading.Present) {
            return extra;
        }
        Signal signal = signalFor(name);
        if (signal != null) {
            Reading r = signals.get(signal);
            if (r instanceof Reading.Present || extra == Reading.NOT_COLLECTED) {
                return r;
            }
        }
        return extra;
    }

    static Signal signalFor(String name) {
        for (Signal s : Signal.values()) {
            if (s.key().equals(name)) {
                return s;
            }
        }
        return null;
    }
}
