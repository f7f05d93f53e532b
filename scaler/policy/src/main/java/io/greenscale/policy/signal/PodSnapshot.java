package io.greenscale.policy.signal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One pod of a scale target as the Kubernetes API and the metrics APIs show it: what the HPA
 * emulation reads. GreenScale's own policy reads the aggregated {@link Signals} instead.
 *
 * @param startTime      null when the pod has no start time yet
 * @param ready          the pod's Ready condition, null when it has none
 * @param requestsMilli  resource requests summed over the pod's containers, in milli-units, by
 *                       resource name ("cpu"); a resource missing from the map means at least one
 *                       container lacks a request for it
 * @param metrics        the latest sample per metric name ("cpu" for metrics-server, custom names
 *                       for Pods metrics); a name missing from the map means no sample
 */
public record PodSnapshot(
        String name,
        Phase phase,
        boolean deleted,
        Instant startTime,
        ReadyCondition ready,
        Map<String, Long> requestsMilli,
        Map<String, MetricSample> metrics) {

    public PodSnapshot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phase, "phase");
        requestsMilli = Map.copyOf(requestsMilli);
        metrics = Map.copyOf(metrics);
    }

    public enum Phase { PENDING, RUNNING, SUCCEEDED, FAILED, UNKNOWN }

    /** The pod's Ready condition: its status and when it last changed. */
    public record ReadyCondition(boolean status, Instant lastTransition) {
        public ReadyCondition {
            Objects.requireNonNull(lastTransition, "lastTransition");
        }
    }

    /** A metric sample as the metrics APIs return it: value, when it was taken, and over which window. */
    public record MetricSample(long valueMilli, Instant timestamp, Duration window) {
        public MetricSample {
            Objects.requireNonNull(timestamp, "timestamp");
            Objects.requireNonNull(window, "window");
        }
    }

    /** Running and Ready=True: the pod serves traffic. */
    public boolean isServing() {
        return phase == Phase.RUNNING && ready != null && ready.status() && !deleted;
    }
}
