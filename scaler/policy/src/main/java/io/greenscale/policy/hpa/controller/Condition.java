package io.greenscale.policy.hpa.controller;

import java.util.Objects;

/** One HPA status condition: {@code True}/{@code False} and upstream's reason string. */
public record Condition(boolean status, String reason) {

    public Condition {
        Objects.requireNonNull(reason, "reason");
    }

    public static Condition isTrue(String reason) {
        return new Condition(true, reason);
    }

    public static Condition isFalse(String reason) {
        return new Condition(false, reason);
    }

    /** {@code True} or {@code False}, as the API writes it. */
    public String statusText() {
        return status ? "True" : "False";
    }
}
