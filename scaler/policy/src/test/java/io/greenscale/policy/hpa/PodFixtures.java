package io.greenscale.policy.hpa;

import io.greenscale.policy.signal.PodSnapshot;
import io.greenscale.policy.signal.PodSnapshot.MetricSample;
import io.greenscale.policy.signal.PodSnapshot.Phase;
import io.greenscale.policy.signal.PodSnapshot.ReadyCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Pods as upstream's test fixtures build them: started and ready since Go's zero time unless
 * told otherwise, a CPU request per pod, a metric sample taken at the zero time over one minute.
 */
public final class PodFixtures {
    /** The evaluation instant of every fixture. */
    public static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    /** Go's zero {@code time.Time}: an unset timestamp. */
    public static final Instant FAR_PAST = NOW.minusSeconds(1_000_000_000L);

    private PodFixtures() {}

    public static Builder pod(String name) {
        return new Builder(name);
    }

    public static MetricSample sample(long valueMilli) {
        return new MetricSample(valueMilli, FAR_PAST, Duration.ofMinutes(1));
    }

    public static final class Builder {
        private final String name;
        private Phase phase = Phase.RUNNING;
        private boolean deleted;
        private Instant start = FAR_PAST;
        private ReadyCondition ready = new ReadyCondition(true, FAR_PAST);
        private final Map<String, Long> requests = new HashMap<>();
        private final Map<String, MetricSample> metrics = new HashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder phase(Phase p) {
            phase = p;
            return this;
        }

        public Builder deleted() {
            deleted = true;
            return this;
        }

        public Builder started(Instant t) {
            start = t;
            return this;
        }

        public Builder ready(boolean status, Instant lastTransition) {
            ready = new ReadyCondition(status, lastTransition);
            return this;
        }

        public Builder unready() {
            return ready(false, ready == null ? FAR_PAST : ready.lastTransition());
        }

        public Builder noReadyCondition() {
            ready = null;
            return this;
        }

        public Builder request(String resource, long milli) {
            requests.put(resource, milli);
            return this;
        }

        public Builder cpu(long requestMilli, long usageMilli) {
            requests.put("cpu", requestMilli);
            metrics.put("cpu", sample(usageMilli));
            return this;
        }

        public Builder metric(String metric, long valueMilli) {
            metrics.put(metric, sample(valueMilli));
            return this;
        }

        public Builder metric(String metric, MetricSample sample) {
            metrics.put(metric, sample);
            return this;
        }

        public PodSnapshot build() {
            return new PodSnapshot(name, phase, deleted, start, ready, requests, metrics);
        }
    }
}
