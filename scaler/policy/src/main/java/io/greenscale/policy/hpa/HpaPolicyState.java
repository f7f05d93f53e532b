package io.greenscale.policy.hpa;

import io.greenscale.policy.PolicyState;
import io.greenscale.policy.hpa.controller.ControllerState;
import java.time.Instant;
import java.util.Objects;

/**
 * What the HPA emulation carries between calls: the controller's history, events and conditions,
 * and when the next sync is due (null before the first one).
 */
public record HpaPolicyState(ControllerState controller, Instant nextSync) implements PolicyState {

    public static final HpaPolicyState FRESH = new HpaPolicyState(ControllerState.FRESH, null);

    public HpaPolicyState {
        Objects.requireNonNull(controller, "controller");
    }
}
