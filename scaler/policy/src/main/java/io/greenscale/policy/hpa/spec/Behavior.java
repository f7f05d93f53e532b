package io.greenscale.policy.hpa.spec;

/**
 * An HPA's {@code spec.behavior} as written; either direction may be null (defaulted). A null
 * {@code Behavior} on the spec selects the legacy normalisation path.
 */
public record Behavior(ScalingRules scaleUp, ScalingRules scaleDown) {

    public static final Behavior DEFAULTS = new Behavior(null, null);
}
