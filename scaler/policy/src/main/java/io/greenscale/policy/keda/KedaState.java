package io.greenscale.policy.keda;

import io.greenscale.policy.PolicyState;
import io.greenscale.policy.hpa.controller.ControllerState;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What the KEDA emulation carries between ticks: the two schedules (operator polls, HPA syncs),
 * the ScaledObject's {@code status.lastActiveTime}, each trigger's consecutive failures
 * ({@code status.health}), and the state of the HPA underneath.
 *
 * @param createdAt      the first tick, standing in for the ScaledObject's creation time; null before it
 * @param lastActiveTime the last poll at which a trigger was active; null when never
 */
public record KedaState(Instant createdAt, Instant nextPoll, Instant nextHpaSync, Instant lastActiveTime,
                        Map<String, Integer> failures, ControllerState hpa) implements PolicyState {

    public static final KedaState FRESH = new KedaState(null, null, null, null, Map.of(), ControllerState.FRESH);

    public KedaState {
        failures = Map.copyOf(failures);
        Objects.requireNonNull(hpa, "hpa");
    }

    int failuresOf(String metricName) {
        return failures.getOrDefault(metricName, 0);
    }
}
