package io.greenscale.daemon.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.greenscale.policy.config.ConfigException;
import io.greenscale.policy.config.ConfigNode;
import io.greenscale.policy.config.ConfigProblems;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates the scaler's YAML file. Every problem names the key, the value and what is
 * allowed, and one run reports all of them ({@link ConfigException#problems()}).
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final PolicyFactory policies;
    private final Environment env;

    public ConfigLoader(PolicyFactory policies, Environment env) {
        this.policies = policies;
        this.env = env;
    }

    public ScalerConfig load(Path file) {
        Object root;
        try {
            root = YAML.readValue(file.toFile(), Object.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : ": line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ConfigException(List.of(file + where + ": not valid YAML: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ConfigException(List.of(file + ": cannot be read: " + e.getMessage()));
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new ConfigException(List.of(file + ": must hold a YAML map with at least a targets: list"));
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> values = (Map<String, ?>) map;
        return parse(values);
    }

    public ScalerConfig parse(Map<String, ?> values) {
        ConfigProblems problems = new ConfigProblems();
        ConfigNode root = ConfigNode.root(values, "", problems);
        Duration tick = root.duration("tick", null, Duration.ofMillis(100), Duration.ofHours(1));
        Duration grace = root.duration("shutdownGrace", Duration.ofSeconds(20), Duration.ZERO, Duration.ofMinutes(10));
        Settings.Kubernetes kubernetes = kubernetes(root.child("kubernetes"));
        Settings.Server server = server(root.child("server"));
        Settings.DecisionLog log = decisionLog(root.child("decisionLog"));
        Settings.Leader leader = leader(root.child("leaderElection"));
        RedisConnection redis = Connections.redis(root.child("redis"), env);
        PrometheusConnection prometheus = Connections.prometheus(root.child("prometheus"), env);
        List<TargetConfig> targets = targets(root, new TargetParser(policies, env, redis), problems);
        root.finish();
        problems.throwIfAny();
        if (tick == null) {
            tick = targets.stream().map(t -> t.policy().syncPeriod()).min(Duration::compareTo).orElse(Duration.ofSeconds(5));
        }
        return new ScalerConfig(tick, grace, kubernetes, server, log, leader, prometheus, targets);
    }

    private List<TargetConfig> targets(ConfigNode root, TargetParser parser, ConfigProblems problems) {
        Map<?, ?> defaults = Map.of();
        Object rawDefaults = root.raw("defaults");
        if (rawDefaults instanceof Map<?, ?> m) {
            defaults = m;
        } else if (rawDefaults != null) {
            problems.add("defaults", rawDefaults, "must be a section (a map of keys)");
        }
        // The defaults are checked once on their own, so a problem in them is reported once, not once per target.
        ConfigProblems defaultProblems = new ConfigProblems();
        ConfigNode defaultsNode = ConfigNode.root(cast(defaults), "defaults", defaultProblems);
        parser.parse(defaultsNode, true);
        defaultsNode.finish();
        Set<String> inherited = new HashSet<>();
        defaultProblems.list().forEach(p -> inherited.add(p.substring("defaults".length())));
        defaultProblems.list().forEach(problems::add);

        Object rawTargets = root.raw("targets");
        if (!(rawTargets instanceof List<?> items) || items.isEmpty()) {
            problems.add(rawTargets == null ? "targets: is required: a list of at least one target"
                    : "targets = " + rawTargets + ": must be a non-empty list of targets");
            return List.of();
        }
        List<TargetConfig> targets = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String path = "targets[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?> item)) {
                problems.add(path, items.get(i), "must be a section (a map of keys)");
                continue;
            }
            ConfigProblems own = new ConfigProblems();
            ConfigNode node = ConfigNode.root(DeepMerge.merge(defaults, item), path, own);
            TargetConfig target = parser.parse(node, false);
            node.finish();
            own.list().stream().filter(p -> !inherited.contains(p.substring(path.length()))).forEach(problems::add);
            if (target != null) {
                String previous = seen.putIfAbsent(target.id(), path);
                if (previous != null) {
                    problems.add(path + ".scaleTargetRef: " + target.id() + " is already the target of " + previous);
                } else {
                    targets.add(target);
                }
            }
        }
        return targets;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> cast(Map<?, ?> m) {
        return (Map<String, ?>) m;
    }

    private static Settings.Kubernetes kubernetes(ConfigNode node) {
        Path kubeconfig = Secrets.existingFile(node, "kubeconfig");
        Duration timeout = node.duration("requestTimeout", Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofMinutes(5));
        int concurrent = node.integer("maxConcurrentRequests", 32, 1, 1024);
        boolean events = node.bool("events", true);
        return new Settings.Kubernetes(kubeconfig, timeout, concurrent, events);
    }

    private static Settings.Server server(ConfigNode node) {
        return new Settings.Server(node.string("address", "0.0.0.0"), node.integer("port", 9095, 0, 65535), node.bool("enabled", true));
    }

    private static Settings.DecisionLog decisionLog(ConfigNode node) {
        String file = node.string("file", null);
        return new Settings.DecisionLog(node.bool("stdout", true), file == null ? null : Path.of(file));
    }

    private Settings.Leader leader(ConfigNode node) {
        boolean enabled = node.bool("enabled", false);
        String namespace = node.string("namespace", env.ownNamespace());
        String lease = node.string("leaseName", "greenscale-scaler");
        String identity = node.string("identity", env.ownName());
        if (identity == null || identity.isBlank()) {
            identity = "greenscale-" + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime());
        }
        Duration leaseDuration = node.duration("leaseDuration", Duration.ofSeconds(15), Duration.ofSeconds(1), Duration.ofMinutes(10));
        Duration renewDeadline = node.duration("renewDeadline", Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofMinutes(10));
        Duration retryPeriod = node.duration("retryPeriod", Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofMinutes(1));
        if (renewDeadline.compareTo(leaseDuration) >= 0) {
            node.problems().add(node.keyPath("renewDeadline"), node.raw("renewDeadline") == null ? "10s" : node.raw("renewDeadline"),
                    "must be less than leaseDuration (" + node.raw("leaseDuration") + "), or a follower could take over while the leader still writes");
        }
        if (retryPeriod.compareTo(renewDeadline) >= 0) {
            node.problems().add(node.keyPath("retryPeriod"), node.raw("retryPeriod") == null ? "2s" : node.raw("retryPeriod"),
                    "must be less than renewDeadline, so the leader can retry a failed renewal");
        }
        return new Settings.Leader(enabled, namespace, lease, identity, leaseDuration, renewDeadline, retryPeriod);
    }
}
