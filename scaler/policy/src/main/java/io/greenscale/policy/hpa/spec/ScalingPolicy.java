package io.greenscale.policy.hpa.spec;

import java.util.Objects;

/**
 * One rate limit of a behavior direction ({@code autoscaling/v2 HPAScalingPolicy}): at most
 * {@code value} pods, or {@code value} percent, of change per {@code periodSeconds}.
 */
public record ScalingPolicy(Type type, int value, int periodSeconds) {

    /** Upstream validation: {@code 0 < periodSeconds <= 1800} ({@code validation.go: MaxPeriodSeconds}). */
    public static final int MAX_PERIOD_SECONDS = 1800;

    public ScalingPolicy {
        Objects.requireNonNull(type, "type");
        if (value <= 0) {
            throw new IllegalArgumentException("policy value must be > 0, got " + value);
        }
        if (periodSeconds <= 0 || periodSeconds > MAX_PERIOD_SECONDS) {
            throw new IllegalArgumentException("periodSeconds must be in (0, 1800], got " + periodSeconds);
        }
    }

    public static ScalingPolicy pods(int value, int periodSeconds) {
        return new ScalingPolicy(Type.PODS, value, periodSeconds);
    }

    public static ScalingPolicy percent(int value, int periodSeconds) {
        return new ScalingPolicy(Type.PERCENT, value, periodSeconds);
    }

    public enum Type {
        PODS("Pods"), PERCENT("Percent");

        private final String apiName;

        Type(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }

        /** The type for its API name ({@code Pods}, {@code Percent}), or null. */
        public static Type ofApiName(String name) {
            for (Type t : values()) {
                if (t.apiName.equals(name)) {
                    return t;
                }
            }
            return null;
        }
    }
}
