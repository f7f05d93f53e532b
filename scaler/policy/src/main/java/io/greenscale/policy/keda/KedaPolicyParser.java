package io.greenscale.policy.keda;

import io.greenscale.policy.config.ConfigNode;
import io.greenscale.policy.config.Range;
import io.greenscale.policy.hpa.BehaviorParser;
import io.greenscale.policy.hpa.HpaConfigParser;
import io.greenscale.policy.hpa.Quantities;
import io.greenscale.policy.hpa.spec.Behavior;
import io.greenscale.policy.hpa.spec.HpaConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@code type: keda} policy section, written like a ScaledObject spec (KEDA docs, "ScaledObject
 * specification") plus the {@code controller:} section of the HPA underneath.
 *
 * <pre>{@code
 * policy:
 *   type: keda
 *   pollingInterval: 30          # seconds, or 30s
 *   cooldownPeriod: 300
 *   minReplicaCount: 0
 *   maxReplicaCount: 20
 *   fallback: {failureThreshold: 3, replicas: 6}
 *   advanced:
 *     horizontalPodAutoscalerConfig:
 *       behavior: {...}
 *   triggers:
 *     - type: redis
 *       metadata: {listName: jobs, listLength: "5", activationListLength: "0"}
 * }</pre>
 */
public final class KedaPolicyParser {
    /** Redis connection settings: accepted so real ScaledObjects paste in; the daemon's sources connect. */
    private static final Set<String> REDIS_CONNECTION = Set.of("address", "addressFromEnv", "host", "hostFromEnv", "port",
            "portFromEnv", "username", "usernameFromEnv", "passwordFromEnv", "databaseIndex", "enableTLS", "unsafeSsl");

    private KedaPolicyParser() {}

    /** The policy, or null when a problem was recorded. */
    public static KedaPolicy parse(ConfigNode node) {
        int before = node.problems().list().size();
        String name = node.string("name", "keda");
        Duration polling = node.duration("pollingInterval", Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofHours(1));
        Duration cooldown = node.duration("cooldownPeriod", Duration.ofSeconds(300), Duration.ZERO, Duration.ofDays(1));
        Duration initialCooldown = node.duration("initialCooldownPeriod", Duration.ZERO, Duration.ZERO, Duration.ofDays(1));
        int min = node.integer("minReplicaCount", 0, 0, Integer.MAX_VALUE);
        int max = node.integer("maxReplicaCount", 100, 1, Integer.MAX_VALUE);
        if (min > max) {
            node.problems().add(node.keyPath("minReplicaCount"), min, "must be <= maxReplicaCount (" + max + ")");
        }
        KedaSpec.Fallback fallback = node.optionalChild("fallback").map(KedaPolicyParser::fallback).orElse(null);
        Behavior behavior = null;
        if (node.has("advanced")) {
            ConfigNode advanced = node.child("advanced");
            advanced.raw("restoreToOriginalReplicaCount"); // only matters when the ScaledObject is deleted
            if (advanced.has("horizontalPodAutoscalerConfig")) {
                ConfigNode hpa = advanced.child("horizontalPodAutoscalerConfig");
                hpa.raw("name");
                behavior = hpa.optionalChild("behavior").map(BehaviorParser::parse).orElse(null);
            }
        }
        node.raw("scaleTargetRef"); // accepted for pasted ScaledObjects; the daemon's target decides what is scaled
        List<KedaTrigger> triggers = new ArrayList<>();
        List<ConfigNode> items = node.list("triggers");
        if (items.isEmpty()) {
            node.problems().add(node.keyPath("triggers") + ": must list at least one trigger");
        }
        for (int i = 0; i < items.size(); i++) {
            KedaTrigger t = trigger(items.get(i), i);
            if (t != null) {
                triggers.add(t);
            }
        }
        HpaConfig controller = HpaConfigParser.parse(node.child("controller"));
        if (node.problems().list().size() > before) {
            return null;
        }
        return new KedaPolicy(name, new KedaSpec(polling, cooldown, initialCooldown, min, max, fallback, behavior, triggers), controller);
    }

    private static KedaSpec.Fallback fallback(ConfigNode node) {
        for (String key : List.of("failureThreshold", "replicas")) {
            if (!node.has(key)) {
                node.problems().add(node.keyPath(key) + ": is required when fallback is given");
            }
        }
        return new KedaSpec.Fallback(node.integer("failureThreshold", 3, 0, Integer.MAX_VALUE),
                node.integer("replicas", 1, 0, Integer.MAX_VALUE));
    }

    private static KedaTrigger trigger(ConfigNode node, int index) {
        String type = node.requiredString("type");
        String metricType = node.string("metricType", "AverageValue");
        if (!metricType.equals("AverageValue") && !metricType.equals("Value")) {
            node.problems().add(node.keyPath("metricType"), metricType, "must be AverageValue or Value");
        }
        boolean average = !metricType.equals("Value");
        String triggerName = node.string("name", null);
        node.raw("authenticationRef");
        node.raw("useCachedMetrics");
        ConfigNode meta = node.child("metadata");
        return switch (type) {
            case "redis" -> {
                String list = meta.requiredString("listName");
                long length = meta.integer("listLength", 5, 1, Integer.MAX_VALUE);
                double activation = meta.number("activationListLength", 0, Range.atLeast(0));
                REDIS_CONNECTION.forEach(meta::raw);
                yield new KedaTrigger("redis", "s" + index + "-redis-" + list, list, length * 1000, activation, average);
            }
            case "prometheus" -> {
                // The value comes from the extra metric named after the trigger (the daemon runs the query).
                String source = triggerName != null ? triggerName : meta.string("metricName", null);
                if (source == null) {
                    node.problems().add(node.keyPath("name") + ": is required for a prometheus trigger (it names the query's extra metric)");
                    source = "";
                }
                meta.requiredString("query");
                meta.raw("serverAddress");
                meta.raw("metricName");
                Object rawThreshold = meta.raw("threshold");
                Long threshold = Quantities.parseMilli(rawThreshold);
                if (threshold == null || threshold <= 0) {
                    meta.problems().add(meta.keyPath("threshold"), rawThreshold, "must be a number > 0");
                    threshold = 1000L;
                }
                double activation = meta.number("activationThreshold", 0, Range.atLeast(-Double.MAX_VALUE));
                yield new KedaTrigger("prometheus", "s" + index + "-prometheus", source, threshold, activation, average);
            }
            case "" -> null;
            default -> {
                node.problems().add(node.keyPath("type"), type, "must be redis or prometheus (the scalers this emulation reads)");
                yield null;
            }
        };
    }
}
