package io.greenscale.policy.keda;

import io.greenscale.policy.signal.Reading;
import io.greenscale.policy.signal.Signal;
import io.greenscale.policy.signal.Signals;

/**
 * One read of a trigger's source at one tick: its value in natural units, or why there is none
 * (the scaler failed).
 */
record TriggerRead(KedaTrigger trigger, Double value, String failure) {

    boolean failed() {
        return value == null;
    }

    /** KEDA docs: active only when the value is greater than the activation threshold. */
    boolean active() {
        return value != null && value > trigger.activationThreshold();
    }

    /** The named extra metric, else the signal whose key is the source name ({@code queue} → backlog). */
    static TriggerRead of(KedaTrigger trigger, Signals signals) {
        Reading r = signals.extra(trigger.source());
        if (!(r instanceof Reading.Present)) {
            for (Signal s : Signal.values()) {
                if (s.key().equals(trigger.source()) && (signals.get(s) instanceof Reading.Present || r == Reading.NOT_COLLECTED)) {
                    r = signals.get(s);
                }
            }
        }
        return switch (r) {
            case Reading.Present p -> new TriggerRead(trigger, p.value(), null);
            case Reading.Absent a -> new TriggerRead(trigger, null, a.reason());
        };
    }
}
