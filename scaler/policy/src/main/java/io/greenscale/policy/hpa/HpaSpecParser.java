package io.greenscale.policy.hpa;

import io.greenscale.policy.config.ConfigNode;
import io.greenscale.policy.hpa.spec.Behavior;
import io.greenscale.policy.hpa.spec.HpaSpec;
import io.greenscale.policy.hpa.spec.MetricSpec;
import io.greenscale.policy.hpa.spec.MetricTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HPA spec keys of a policy section, written like the real object: {@code minReplicas},
 * {@code maxReplicas}, {@code metrics[...]} and {@code behavior}. Returns null when a problem was
 * recorded (the caller reports them all at once).
 */
final class HpaSpecParser {
    private HpaSpecParser() {}

    static HpaSpec parse(ConfigNode node, boolean hpaScaleToZeroGate) {
        int before = node.problems().list().size();
        if (!node.has("maxReplicas")) {
            node.problems().add(node.keyPath("maxReplicas") + ": is required");
        }
        int maxReplicas = node.integer("maxReplicas", 1, 1, Integer.MAX_VALUE);
        int minReplicas = node.integer("minReplicas", 1, 0, Integer.MAX_VALUE);
        if (minReplicas > maxReplicas) {
            node.problems().add(node.keyPath("minReplicas"), minReplicas, "must be <= maxReplicas (" + maxReplicas + ")");
        }
        List<MetricSpec> metrics = new ArrayList<>();
        for (ConfigNode m : node.list("metrics")) {
            MetricSpec spec = metric(m);
            if (spec != null) {
                metrics.add(spec);
            }
        }
        if (!node.has("metrics")) {
            // API defaulting: no metrics → CPU at 80 % (defaults.go: SetDefaults_HorizontalPodAutoscaler).
            metrics.add(new MetricSpec.ResourceMetric("cpu", new MetricTarget.Utilization(80)));
        } else if (metrics.isEmpty() && node.problems().list().size() == before) {
            node.problems().add(node.keyPath("metrics") + ": must list at least one metric");
        }
        if (minReplicas == 0 && !hpaScaleToZeroGate) {
            node.problems().add(node.keyPath("minReplicas"), 0, "must be >= 1 unless controller.hpaScaleToZero is true (feature gate HPAScaleToZero)");
        } else if (minReplicas == 0 && metrics.stream().noneMatch(MetricSpec::isObjectOrExternal)) {
            node.problems().add(node.keyPath("minReplicas"), 0, "needs at least one Object or External metric to scale to zero");
        }
        Behavior behavior = node.has("behavior") ? BehaviorParser.parse(node.child("behavior")) : null;
        node.raw("scaleTargetRef"); // accepted for pasted HPA specs; the daemon's target decides what is scaled
        return node.problems().list().size() > before ? null : new HpaSpec(minReplicas, maxReplicas, metrics, behavior);
    }

    private static MetricSpec metric(ConfigNode m) {
        String type = m.requiredString("type");
        return switch (type) {
            case "Resource" -> {
                ConfigNode r = m.child("resource");
                yield new MetricSpec.ResourceMetric(r.requiredString("name"), target(r, Set.of("Utilization", "AverageValue")));
            }
            case "Pods" -> {
                ConfigNode p = m.child("pods");
                yield new MetricSpec.PodsMetric(metricName(p), target(p, Set.of("AverageValue")));
            }
            case "Object" -> {
                ConfigNode o = m.child("object");
                String described = o.optionalChild("describedObject")
                        .map(d -> d.string("kind", "") + "/" + d.string("name", "")).orElse("");
                yield new MetricSpec.ObjectMetric(metricName(o), described, target(o, Set.of("Value", "AverageValue")));
            }
            case "External" -> {
                ConfigNode e = m.child("external");
                yield new MetricSpec.ExternalMetric(metricName(e), target(e, Set.of("Value", "AverageValue")));
            }
            case "" -> null;
            default -> {
                m.problems().add(m.keyPath("type"), type, "must be one of Resource, Pods, Object, External");
                yield null;
            }
        };
    }

    /** {@code metric: {name: qps}} as in the API, or the shorthand {@code metric: qps}. */
    private static String metricName(ConfigNode node) {
        Object raw = node.raw("metric");
        if (raw instanceof String s && !s.isBlank()) {
            return s;
        }
        if (raw instanceof Map<?, ?>) {
            return node.child("metric").requiredString("name");
        }
        node.problems().add(node.keyPath("metric") + ": is required (metric: {name: ...})");
        return "";
    }

    private static MetricTarget target(ConfigNode parent, Set<String> allowed) {
        if (!parent.has("target")) {
            parent.problems().add(parent.keyPath("target") + ": is required");
            return null;
        }
        ConfigNode t = parent.child("target");
        String type = t.requiredString("type");
        if (!allowed.contains(type)) {
            if (!type.isEmpty()) {
                t.problems().add(t.keyPath("type"), type, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
            }
            return null;
        }
        return switch (type) {
            case "Utilization" -> {
                if (!t.has("averageUtilization")) {
                    t.problems().add(t.keyPath("averageUtilization") + ": is required");
                }
                yield new MetricTarget.Utilization(t.integer("averageUtilization", 80, 1, Integer.MAX_VALUE));
            }
            case "AverageValue" -> new MetricTarget.AverageValue(quantity(t, "averageValue"));
            default -> new MetricTarget.Value(quantity(t, "value"));
        };
    }

    private static long quantity(ConfigNode node, String key) {
        Object raw = node.raw(key);
        Long milli = Quantities.parseMilli(raw);
        if (raw == null) {
            node.problems().add(node.keyPath(key) + ": is required");
        } else if (milli == null || milli <= 0) {
            node.problems().add(node.keyPath(key), raw, "must be a quantity > 0, e.g. 5, \"500m\" or \"1.5k\"");
        }
        return milli == null || milli <= 0 ? 1 : milli;
    }
}
