package io.greenscale.daemon.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenscale.policy.hpa.controller.Condition;
import io.greenscale.policy.hpa.controller.Conditions;
import io.greenscale.policy.hpa.normalize.Recommendation;
import io.greenscale.policy.hpa.normalize.ScaleEvent;
import io.greenscale.policy.hpa.spec.Behavior;
import io.greenscale.policy.hpa.spec.HpaSpec;
import io.greenscale.policy.hpa.spec.MetricSpec;
import io.greenscale.policy.hpa.spec.MetricTarget;
import io.greenscale.policy.hpa.spec.ScalingPolicy;
import io.greenscale.policy.hpa.spec.ScalingRules;
import io.greenscale.policy.hpa.spec.SelectPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The format's HPA objects: spec, metric specs, behavior rules, events, recommendations, conditions. */
final class HpaJson {
    private HpaJson() {}

    static HpaSpec spec(JsonNode hpa, String path) {
        Integer min = Fields.optionalInt(hpa, path, "minReplicas");
        int max = Fields.requiredInt(hpa, path, "maxReplicas");
        List<MetricSpec> metrics = new ArrayList<>();
        JsonNode ms = Fields.arrayOrEmpty(hpa, path, "metrics");
        for (int i = 0; i < ms.size(); i++) {
            metrics.add(metric(ms.get(i), path + ".metrics[" + i + "]"));
        }
        if (metrics.isEmpty()) {
            // API defaulting (defaults.go: SetDefaults_HorizontalPodAutoscaler): cpu at 80 %.
            metrics.add(new MetricSpec.ResourceMetric("cpu", new MetricTarget.Utilization(80)));
        }
        JsonNode b = Fields.objectOrNull(hpa, path, "behavior");
        Behavior behavior = b == null ? null : new Behavior(rules(b, path + ".behavior", "scaleUp"), rules(b, path + ".behavior", "scaleDown"));
        try {
            return new HpaSpec(min, max, metrics, behavior);
        } catch (IllegalArgumentException e) {
            throw new VectorFormatException(path, e.getMessage());
        }
    }

    static MetricSpec metric(JsonNode m, String path) {
        String type = Fields.requiredText(m, path, "type");
        return switch (type) {
            case "Resource" -> {
                JsonNode r = Fields.requiredObject(m, path, "resource");
                yield new MetricSpec.ResourceMetric(Fields.requiredText(r, path + ".resource", "name"), target(r, path + ".resource"));
            }
            case "Pods" -> {
                JsonNode p = Fields.requiredObject(m, path, "pods");
                yield new MetricSpec.PodsMetric(metricName(p, path + ".pods"), target(p, path + ".pods"));
            }
            case "Object" -> {
                JsonNode o = Fields.requiredObject(m, path, "object");
                JsonNode d = Fields.get(o, "describedObject");
                String described = d == null ? "" : d.isTextual() ? d.asText() : d.path("kind").asText("") + "/" + d.path("name").asText("");
                yield new MetricSpec.ObjectMetric(metricName(o, path + ".object"), described, target(o, path + ".object"));
            }
            case "External" -> {
                JsonNode e = Fields.requiredObject(m, path, "external");
                yield new MetricSpec.ExternalMetric(metricName(e, path + ".external"), target(e, path + ".external"));
            }
            default -> new MetricSpec.UnknownMetric(type);
        };
    }

    private static String metricName(JsonNode source, String path) {
        JsonNode m = Fields.get(source, "metric");
        if (m != null && m.isTextual()) {
            return m.asText();
        }
        if (m != null && m.isObject()) {
            return Fields.requiredText(m, path + ".metric", "name");
        }
        throw new VectorFormatException(path + ".metric", "is required (a name or {name})");
    }

    /** A null or absent target is kept: upstream fails that metric at run time. */
    private static MetricTarget target(JsonNode source, String path) {
        JsonNode t = Fields.objectOrNull(source, path, "target");
        if (t == null) {
            return null;
        }
        String p = path + ".target";
        try {
            return switch (Fields.requiredText(t, p, "type")) {
                case "Utilization" -> new MetricTarget.Utilization(Fields.requiredInt(t, p, "averageUtilization"));
                case "AverageValue" -> new MetricTarget.AverageValue(Fields.requiredLong(t, p, "averageValueMilli"));
                case "Value" -> new MetricTarget.Value(Fields.requiredLong(t, p, "valueMilli"));
                default -> throw new VectorFormatException(p + ".type", "must be Utilization, AverageValue or Value");
            };
        } catch (IllegalArgumentException e) {
            throw new VectorFormatException(p, e.getMessage());
        }
    }

    /** One direction's rules; null or absent means "not set" (API defaults). */
    static ScalingRules rules(JsonNode parent, String parentPath, String name) {
        JsonNode r = Fields.objectOrNull(parent, parentPath, name);
        return r == null ? null : rules(r, Fields.path(parentPath, name));
    }

    static ScalingRules rules(JsonNode r, String path) {
        SelectPolicy select = null;
        String s = Fields.textOr(r, path, "selectPolicy", null);
        if (s != null) {
            select = SelectPolicy.ofApiName(s);
            if (select == null) {
                throw new VectorFormatException(path + ".selectPolicy", "must be Max, Min or Disabled, got \"" + s + "\"");
            }
        }
        List<ScalingPolicy> policies = null;
        JsonNode ps = Fields.get(r, "policies");
        if (ps != null) {
            ps = Fields.requiredArray(r, path, "policies");
            policies = new ArrayList<>();
            for (int i = 0; i < ps.size(); i++) {
                String p = path + ".policies[" + i + "]";
                String type = Fields.requiredText(ps.get(i), p, "type");
                ScalingPolicy.Type t = ScalingPolicy.Type.ofApiName(type);
                if (t == null) {
                    throw new VectorFormatException(p + ".type", "must be Pods or Percent, got \"" + type + "\"");
                }
                try {
                    policies.add(new ScalingPolicy(t, Fields.requiredInt(ps.get(i), p, "value"), Fields.requiredInt(ps.get(i), p, "periodSeconds")));
                } catch (IllegalArgumentException e) {
                    throw new VectorFormatException(p, e.getMessage());
                }
            }
        }
        JsonNode tol = Fields.get(r, "tolerance");
        try {
            return new ScalingRules(Fields.optionalInt(r, path, "stabilizationWindowSeconds"), select, policies,
                    tol == null ? null : Fields.doubleOr(r, path, "tolerance", 0));
        } catch (IllegalArgumentException e) {
            throw new VectorFormatException(path, e.getMessage());
        }
    }

    static List<ScaleEvent> events(JsonNode parent, String parentPath, String name) {
        JsonNode a = Fields.arrayOrEmpty(parent, parentPath, name);
        List<ScaleEvent> events = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            String p = Fields.path(parentPath, name) + "[" + i + "]";
            int change = Fields.requiredInt(a.get(i), p, "replicaChange");
            if (change < 0) {
                throw new VectorFormatException(p + ".replicaChange", "must be >= 0, got " + change);
            }
            events.add(new ScaleEvent(change, TimeBase.at(requiredSeconds(a.get(i), p, "timestampSec")),
                    Fields.boolOr(a.get(i), p, "outdated", false)));
        }
        return events;
    }

    /** Recommendations, or null when the field is absent or null (never reconciled). */
    static List<Recommendation> recommendationsOrNull(JsonNode parent, String parentPath, String name) {
        if (Fields.get(parent, name) == null) {
            return null;
        }
        JsonNode a = Fields.requiredArray(parent, parentPath, name);
        List<Recommendation> recs = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            String p = Fields.path(parentPath, name) + "[" + i + "]";
            recs.add(new Recommendation(Fields.requiredInt(a.get(i), p, "replicas"), TimeBase.at(requiredSeconds(a.get(i), p, "timestampSec"))));
        }
        return recs;
    }

    /** Conditions as {@code {type: {status, reason}}} or {@code [{type, status, reason}]}. */
    static Conditions conditions(JsonNode c, String path) {
        if (c == null) {
            return Conditions.NONE;
        }
        Map<String, Condition> byType = new LinkedHashMap<>();
        if (c.isArray()) {
            for (int i = 0; i < c.size(); i++) {
                String p = path + "[" + i + "]";
                byType.put(Fields.requiredText(c.get(i), p, "type"), condition(c.get(i), p));
            }
        } else if (c.isObject()) {
            c.fieldNames().forEachRemaining(type -> byType.put(type, condition(c.get(type), path + "." + type)));
        } else {
            throw new VectorFormatException(path, "must be {type: {status, reason}} or a list of {type, status, reason}");
        }
        return new Conditions(byType);
    }

    private static Condition condition(JsonNode c, String path) {
        String status = Fields.requiredText(c, path, "status");
        if (!status.equals("True") && !status.equals("False")) {
            throw new VectorFormatException(path + ".status", "must be \"True\" or \"False\", got \"" + status + "\"");
        }
        return new Condition(status.equals("True"), Fields.textOr(c, path, "reason", ""));
    }

    private static double requiredSeconds(JsonNode obj, String path, String name) {
        if (Fields.get(obj, name) == null) {
            throw new VectorFormatException(Fields.path(path, name), "is required (seconds relative to now)");
        }
        return Fields.doubleOr(obj, path, name, 0);
    }
}
