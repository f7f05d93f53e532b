package io.greenscale.policy.hpa;

import io.greenscale.policy.PolicyState;
import io.greenscale.policy.hpa.controller.ControllerState;
import java.util.Objects;

/** What the HPA emulation carries between syncs: the controller's history, events and conditions. */
public record HpaPolicyState(ControllerState controller) implements PolicyState {

    public static final HpaPolicyState FRESH = new HpaPolicyState(ControllerState.FRESH);

    public HpaPolicyState {
        Objects.requireNonNull(controller, "controller");
    }
}
