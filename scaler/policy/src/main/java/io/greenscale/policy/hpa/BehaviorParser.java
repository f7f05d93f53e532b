package io.greenscale.policy.hpa;

import io.greenscale.policy.config.ConfigNode;
import io.greenscale.policy.hpa.spec.Behavior;
import io.greenscale.policy.hpa.spec.ScalingPolicy;
import io.greenscale.policy.hpa.spec.ScalingRules;
import io.greenscale.policy.hpa.spec.SelectPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * An HPA {@code behavior} section as the API writes it (also KEDA's
 * {@code advanced.horizontalPodAutoscalerConfig.behavior}), validated like
 * {@code pkg/apis/autoscaling/validation}: windows in [0, 3600] s, policy values > 0, periods in
 * (0, 1800] s, at least one policy when {@code policies} is given.
 */
public final class BehaviorParser {
    private BehaviorParser() {}

    public static Behavior parse(ConfigNode node) {
        return new Behavior(node.optionalChild("scaleUp").map(BehaviorParser::rules).orElse(null),
                node.optionalChild("scaleDown").map(BehaviorParser::rules).orElse(null));
    }

    private static ScalingRules rules(ConfigNode node) {
        Integer window = node.has("stabilizationWindowSeconds")
                ? node.integer("stabilizationWindowSeconds", 0, 0, ScalingRules.MAX_STABILIZATION_WINDOW_SECONDS) : null;
        SelectPolicy select = null;
        if (node.has("selectPolicy")) {
            String s = node.string("selectPolicy", "Max");
            select = SelectPolicy.ofApiName(capitalised(s));
            if (select == null) {
                node.problems().add(node.keyPath("selectPolicy"), s, "must be one of Max, Min, Disabled");
            }
        }
        List<ScalingPolicy> policies = null;
        if (node.has("policies")) {
            policies = new ArrayList<>();
            List<ConfigNode> items = node.list("policies");
            if (items.isEmpty()) {
                node.problems().add(node.keyPath("policies") + ": must list at least one policy");
            }
            for (ConfigNode p : items) {
                ScalingPolicy policy = policy(p);
                if (policy != null) {
                    policies.add(policy);
                }
            }
        }
        Double tolerance = null;
        if (node.has("tolerance")) {
            Object raw = node.raw("tolerance");
            tolerance = Quantities.parseDouble(raw);
            if (tolerance == null || tolerance < 0) {
                node.problems().add(node.keyPath("tolerance"), raw, "must be a quantity >= 0, e.g. 0.05 or 50m");
                tolerance = null;
            }
        }
        return new ScalingRules(window, select, policies, tolerance);
    }

    private static ScalingPolicy policy(ConfigNode node) {
        String typeName = node.requiredString("type");
        ScalingPolicy.Type type = ScalingPolicy.Type.ofApiName(capitalised(typeName));
        if (type == null && !typeName.isEmpty()) {
            node.problems().add(node.keyPath("type"), typeName, "must be Pods or Percent");
        }
        if (!node.has("value")) {
            node.problems().add(node.keyPath("value") + ": is required");
        }
        if (!node.has("periodSeconds")) {
            node.problems().add(node.keyPath("periodSeconds") + ": is required");
        }
        int value = node.integer("value", 1, 1, Integer.MAX_VALUE);
        int period = node.integer("periodSeconds", 15, 1, ScalingPolicy.MAX_PERIOD_SECONDS);
        return type == null ? null : new ScalingPolicy(type, value, period);
    }

    static String capitalised(String s) {
        String t = s.trim();
        return t.isEmpty() ? t : Character.toUpperCase(t.charAt(0)) + t.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
