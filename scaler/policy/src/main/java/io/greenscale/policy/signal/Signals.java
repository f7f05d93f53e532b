package io.greenscale.policy.signal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of everything known about one scale target at one tick: the scale subresource's
 * replica counts, one {@link Reading} per {@link Signal}, optionally the pods as the Kubernetes
 * API shows them (for the HPA emulation), and named extra metrics (for External/Object metrics
 * and custom PromQL). Immutable.
 *
 * @param currentReplicas the scale subresource's {@code spec.replicas}: what the target is set to now
 * @param statusReplicas  the scale subresource's {@code status.replicas}: pods that exist now
 */
public record Signals(
        int currentReplicas,
        int statusReplicas,
        Map<Signal, Reading> readings,
        List<PodSnapshot> pods,
        Map<String, Reading> extra) {

    public Signals {
        if (currentReplicas < 0 || statusReplicas < 0) {
            throw new IllegalArgumentException("replica counts must be >= 0, got spec=" + currentReplicas + " status=" + statusReplicas);
        }
        EnumMap<Signal, Reading> copy = new EnumMap<>(Signal.class);
        copy.putAll(readings);
        copy.values().forEach(r -> Objects.requireNonNull(r, "reading"));
        readings = java.util.Collections.unmodifiableMap(copy);
        pods = List.copyOf(pods);
        extra = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /** The reading of {@code signal}, {@link Reading#NOT_COLLECTED} when nobody filled it in. */
    public Reading get(Signal signal) {
        return readings.getOrDefault(signal, Reading.NOT_COLLECTED);
    }

    /** A named extra metric, {@link Reading#NOT_COLLECTED} when absent. */
    public Reading extra(String name) {
        return extra.getOrDefault(name, Reading.NOT_COLLECTED);
    }

    public static Builder builder(int currentReplicas) {
        return new Builder(currentReplicas);
    }

    /** A copy with the given reading replaced. */
    public Signals with(Signal signal, Reading reading) {
        EnumMap<Signal, Reading> copy = new EnumMap<>(Signal.class);
        copy.putAll(readings);
        copy.put(signal, reading);
        return new Signals(currentReplicas, statusReplicas, copy, pods, extra);
    }

    public static final class Builder {
        private final int currentReplicas;
        private Integer statusReplicas;
        private final EnumMap<Signal, Reading> readings = new EnumMap<>(Signal.class);
        private final List<PodSnapshot> pods = new ArrayList<>();
        private final Map<String, Reading> extra = new LinkedHashMap<>();

        private Builder(int currentReplicas) {
            this.currentReplicas = currentReplicas;
        }

        public Builder statusReplicas(int statusReplicas) {
            this.statusReplicas = statusReplicas;
            return this;
        }

        public Builder set(Signal signal, Reading reading) {
            readings.put(signal, reading);
            return this;
        }

        public Builder set(Signal signal, double value, Instant observedAt) {
            return set(signal, Reading.of(value, observedAt));
        }

        public Builder absent(Signal signal, String reason) {
            return set(signal, Reading.absent(reason));
        }

        public Builder pods(List<PodSnapshot> pods) {
            this.pods.addAll(pods);
            return this;
        }

        public Builder extra(String name, Reading reading) {
            extra.put(name, reading);
            return this;
        }

        public Signals build() {
            return new Signals(currentReplicas, statusReplicas == null ? currentReplicas : statusReplicas, readings, pods, extra);
        }
    }
}
