package io.greenscale.policy.hpa.controller;

import io.greenscale.policy.signal.PodSnapshot;
import java.util.List;
import java.util.Objects;

/**
 * What one sync reads: the scale subresource and the pods its selector matches (every phase,
 * terminating pods and surge pods included), plus the metrics APIs.
 *
 * @param specReplicas   {@code scale.spec.replicas}: the count the target is set to
 * @param statusReplicas {@code scale.status.replicas}: the pods that exist
 */
public record ControllerInput(int specReplicas, int statusReplicas, List<PodSnapshot> pods, MetricsClient metrics) {
    public ControllerInput {
        if (specReplicas < 0 || statusReplicas < 0) {
            throw new IllegalArgumentException("replica counts must be >= 0, got spec=" + specReplicas + " status=" + statusReplicas);
        }
        pods = List.copyOf(pods);
        Objects.requireNonNull(metrics, "metrics");
    }
}
