package io.greenscale.policy.keda;

import io.greenscale.policy.Reason;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One poll of the KEDA operator ({@code scale_executor.go: RequestScale, scaleFromZeroOrIdle,
 * scaleToZeroOrIdle}): activation from zero when a trigger is active, scale to
 * {@code minReplicaCount} once {@code lastActiveTime + cooldownPeriod} has passed (strictly) with
 * no trigger active, and nothing while a scaler errors — the fallback, if any, acts through the
 * HPA. The operator never scales between 1 and N; that is the HPA's job.
 *
 * @param replicas       the count the operator sets, or the current count when it does nothing
 * @param reason         ACTIVATION, SCALE_TO_ZERO, MIN_REPLICAS, COOLDOWN, or null when nothing applies
 * @param failures       consecutive failures per trigger metric after this poll ({@code status.health})
 */
record OperatorStep(int replicas, Reason reason, String detail, Instant lastActiveTime, Map<String, Integer> failures,
                    List<TriggerRead> reads) {

    static OperatorStep poll(KedaSpec spec, KedaState state, int current, List<TriggerRead> reads, Instant now) {
        Map<String, Integer> failures = new HashMap<>(state.failures());
        boolean active = false;
        boolean error = false;
        for (TriggerRead read : reads) {
            if (read.failed()) {
                error = true;
                failures.merge(read.trigger().metricName(), 1, Integer::sum);
            } else {
                failures.put(read.trigger().metricName(), 0);
                active |= read.active();
            }
        }
        Instant lastActive = state.lastActiveTime();
        int min = spec.minReplicaCount();
        if (active) {
            if (current == 0) {
                // With a trigger active and replicas at zero, KEDA scales to minReplicaCount (at least 1).
                return new OperatorStep(Math.max(1, min), Reason.ACTIVATION, "a trigger is above its activation threshold",
                        now, failures, reads);
            }
            // Active: lastActiveTime moves on, unless another trigger errored (PartialTriggerError).
            return new OperatorStep(current, null, null, error ? lastActive : now, failures, reads);
        }
        if (error) {
            // Not active because a scaler errored: no scale-in; with a fallback the HPA takes over after the threshold.
            return new OperatorStep(current, null, null, lastActive, failures, reads);
        }
        if (current > 0 && min == 0) {
            Instant cooledAt = lastActive == null ? state.createdAt().plus(spec.initialCooldownPeriod()) : lastActive.plus(spec.cooldownPeriod());
            if (cooledAt.isBefore(now)) {
                return new OperatorStep(0, Reason.SCALE_TO_ZERO, "no trigger active since " + (lastActive == null ? "creation" : lastActive)
                        + "; cooldownPeriod " + spec.cooldownPeriod().toSeconds() + "s passed", lastActive, failures, reads);
            }
            return new OperatorStep(current, Reason.COOLDOWN, "no trigger active; scale to zero after " + cooledAt, lastActive, failures, reads);
        }
        if (current < min) {
            return new OperatorStep(min, Reason.MIN_REPLICAS, "below minReplicaCount", lastActive, failures, reads);
        }
        return new OperatorStep(current, null, null, lastActive, failures, reads);
    }
}
