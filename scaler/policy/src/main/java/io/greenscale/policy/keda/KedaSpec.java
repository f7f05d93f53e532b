package io.greenscale.policy.keda;

import io.greenscale.policy.hpa.spec.Behavior;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The parts of a KEDA {@code ScaledObject} spec that decide replica counts (KEDA docs,
 * "ScaledObject specification").
 *
 * @param pollingInterval       how often the operator checks each trigger (default 30 s)
 * @param cooldownPeriod        how long after the last active check before scaling to zero (default
 *                              300 s); it governs only the step to zero, 1 ↔ N is the HPA's
 * @param initialCooldownPeriod delay after creation before the first cooldown may start (default 0)
 * @param minReplicaCount       default 0 (scale to zero); the HPA underneath gets {@code max(1, this)}
 * @param maxReplicaCount       default 100; passed to the HPA
 * @param fallback              null when not configured
 * @param behavior              {@code advanced.horizontalPodAutoscalerConfig.behavior}, or null
 */
public record KedaSpec(Duration pollingInterval, Duration cooldownPeriod, Duration initialCooldownPeriod,
                       int minReplicaCount, int maxReplicaCount, Fallback fallback, Behavior behavior,
                       List<KedaTrigger> triggers) {

    public KedaSpec {
        Objects.requireNonNull(pollingInterval, "pollingInterval");
        Objects.requireNonNull(cooldownPeriod, "cooldownPeriod");
        Objects.requireNonNull(initialCooldownPeriod, "initialCooldownPeriod");
        if (pollingInterval.isZero() || pollingInterval.isNegative()) {
            throw new IllegalArgumentException("pollingInterval must be > 0, got " + pollingInterval);
        }
        if (minReplicaCount < 0 || maxReplicaCount < 1 || minReplicaCount > maxReplicaCount) {
            throw new IllegalArgumentException("need 0 <= minReplicaCount <= maxReplicaCount and maxReplicaCount >= 1, got "
                    + minReplicaCount + ".." + maxReplicaCount);
        }
        triggers = List.copyOf(triggers);
        if (triggers.isEmpty()) {
            throw new IllegalArgumentException("a ScaledObject needs at least one trigger");
        }
    }

    /** The generated HPA's minReplicas: KEDA never lets the HPA go below 1; the operator handles 1 → 0. */
    public int hpaMinReplicas() {
        return Math.max(1, minReplicaCount);
    }

    /**
     * KEDA docs, "fallback": after {@code failureThreshold} consecutive failures of a scaler the
     * HPA is fed {@code target × replicas}, so it settles on {@code replicas}.
     */
    public record Fallback(int failureThreshold, int replicas) {
        public Fallback {
            if (failureThreshold < 0 || replicas < 0) {
                throw new IllegalArgumentException("fallback failureThreshold and replicas must be >= 0, got "
                        + failureThreshold + ", " + replicas);
            }
        }
    }
}
