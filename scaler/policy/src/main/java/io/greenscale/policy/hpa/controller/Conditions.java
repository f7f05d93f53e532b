package io.greenscale.policy.hpa.controller;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HPA's status conditions by type, in the order upstream adds them ({@code horizontal.go:
 * setCondition, setConditionInList, removeCondition}). Immutable.
 */
public record Conditions(Map<String, Condition> byType) {
    public static final String ABLE_TO_SCALE = "AbleToScale";
    public static final String SCALING_ACTIVE = "ScalingActive";
    public static final String SCALING_LIMITED = "ScalingLimited";
    public static final String SCALED_TO_ZERO = "ScaledToZero";

    public static final Conditions NONE = new Conditions(Map.of());

    public Conditions {
        byType = Collections.unmodifiableMap(new LinkedHashMap<>(byType));
    }

    /** Sets (or adds, at the end) the condition of {@code type}. */
    public Conditions with(String type, Condition condition) {
        Map<String, Condition> next = new LinkedHashMap<>(byType);
        next.put(type, condition);
        return new Conditions(next);
    }

    public Conditions without(String type) {
        Map<String, Condition> next = new LinkedHashMap<>(byType);
        next.remove(type);
        return new Conditions(next);
    }

    public Condition get(String type) {
        return byType.get(type);
    }

    /** True when the condition exists and is True ({@code getScaledToZeroConditionStatus} and the like). */
    public boolean isTrue(String type) {
        Condition c = byType.get(type);
        return c != null && c.status();
    }
}
