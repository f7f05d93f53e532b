package io.greenscale.daemon.config;

import io.greenscale.policy.Policy;
import io.greenscale.policy.config.ConfigNode;
import io.greenscale.policy.signal.Signal;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Parses one entry of {@code targets:} (after {@code defaults:} has been merged into it). */
final class TargetParser {
    /** Signals only a queue gives; in-flight work can also come from Prometheus. */
    private static final Set<Signal> QUEUE_SIGNALS = EnumSet.of(Signal.QUEUE_BACKLOG, Signal.ARRIVAL_RATE, Signal.COMPLETION_RATE);

    private final PolicyFactory policies;
    private final Environment env;
    private final RedisConnection defaultRedis;

    TargetParser(PolicyFactory policies, Environment env, RedisConnection defaultRedis) {
        this.policies = policies;
        this.env = env;
        this.defaultRedis = defaultRedis;
    }

    /**
     * @param partial true for the {@code defaults:} section, which may leave out the workload
     * @return null when the section is too broken to build a target (problems are recorded)
     */
    TargetConfig parse(ConfigNode node, boolean partial) {
        boolean isLocal = node.has("local");
        String namespace = node.string("namespace", isLocal ? "local" : env.ownNamespace());
        LocalSpec local = isLocal ? LocalSpecs.parse(node.child("local"), env) : null;
        TargetRef ref = partial ? forbidRef(node) : isLocal ? localRef(node, namespace, local) : ref(node, namespace);
        Mode mode = node.choice("mode", Mode.ACTIVE, Mode.class);
        QueueSpec queue = queue(node);
        ConfigNode signals = node.child("signals");
        CpuSource cpu = SignalSpecs.cpu(signals);
        PromSignalSpec gpu = SignalSpecs.gpu(signals);
        PromSignalSpec p95 = SignalSpecs.p95(signals);
        PromSignalSpec inFlight = SignalSpecs.inFlight(signals);
        var extra = SignalSpecs.extra(signals);
        boolean busyAware = node.bool("busyAwareScaleDown", true);
        Policy policy = policies.fromConfig(node.child("policy"));
        if (policy == null || ref == null) {
            return null;
        }
        if (local != null && !partial && !(queue instanceof QueueSpec.RedisList)) {
            node.problems().add(node.keyPath("queue") + ": a local target needs a Redis list queue (type: list): its workers drain it"
                    + " and its scale-down reads who is busy from it");
        }
        if (!partial && queue == null) {
            Set<Signal> wanted = EnumSet.noneOf(Signal.class);
            wanted.addAll(policy.inputs());
            wanted.retainAll(QUEUE_SIGNALS);
            if (!wanted.isEmpty()) {
                node.problems().add(node.keyPath("queue") + ": is required: policy " + policy.name() + " reads "
                        + wanted.stream().map(Signal::key).collect(Collectors.joining(", "))
                        + " (a Redis list or stream; or switch those signals off in the policy)");
            }
        }
        return new TargetConfig(ref, mode, policy, queue, cpu, gpu, p95, inFlight, extra, busyAware, local);
    }

    /** A local target names its workload in {@code local.name}; it has no Kubernetes object to point at. */
    private static TargetRef localRef(ConfigNode node, String namespace, LocalSpec local) {
        if (node.has("scaleTargetRef")) {
            node.problems().add(node.keyPath("scaleTargetRef") + ": give either scaleTargetRef (a Kubernetes workload) or local"
                    + " (worker processes on this machine), not both");
            return null;
        }
        return new TargetRef(namespace, "greenscale.io/v1", LocalSpec.KIND, local.name(), "localworkers");
    }

    private static TargetRef forbidRef(ConfigNode node) {
        if (node.has("scaleTargetRef")) {
            node.problems().add(node.keyPath("scaleTargetRef") + ": belongs in each target, not in defaults");
        }
        return null;
    }

    private static TargetRef ref(ConfigNode node, String namespace) {
        if (!node.has("scaleTargetRef")) {
            node.problems().add(node.keyPath("scaleTargetRef") + ": is required (apiVersion, kind, name of the workload to scale)");
            return null;
        }
        ConfigNode ref = node.child("scaleTargetRef");
        String kind = ref.string("kind", "Deployment");
        String name = ref.requiredString("name");
        TargetRef.AppsKind apps = TargetRef.AppsKind.of(kind);
        String apiVersion = ref.string("apiVersion", apps != null ? "apps/v1" : null);
        if (apiVersion == null) {
            ref.problems().add(ref.keyPath("apiVersion") + ": is required for kind " + kind + " (e.g. argoproj.io/v1alpha1)");
            return null;
        }
        if (!apiVersion.contains("/")) {
            ref.problems().add(ref.keyPath("apiVersion"), apiVersion,
                    "must be group/version: kinds of the core group have no /scale the daemon can use");
            return null;
        }
        String defaultResource = apps != null && apiVersion.startsWith("apps/") ? apps.resource : kind.toLowerCase(java.util.Locale.ROOT) + "s";
        String resource = ref.string("resource", defaultResource);
        if (!name.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?")) {
            if (!name.isEmpty()) {
                ref.problems().add(ref.keyPath("name"), name, "must be a Kubernetes object name (lower-case letters, digits, '-', '.')");
            }
            return null;
        }
        return new TargetRef(namespace, apiVersion, kind, name, resource);
    }

    private QueueSpec queue(ConfigNode node) {
        if (!node.has("queue")) {
            return null;
        }
        ConfigNode queue = node.child("queue");
        String type = queue.string("type", "list");
        RedisConnection redis = queue.has("redis") ? Connections.redis(queue.child("redis"), env) : defaultRedis;
        return switch (type) {
            case "list" -> new QueueSpec.RedisList(redis, queue.string("name", "jobs"));
            case "stream" -> new QueueSpec.RedisStream(redis, queue.requiredString("stream"), queue.requiredString("group"));
            case "none" -> null;
            default -> {
                queue.problems().add(queue.keyPath("type"), type, "must be one of list, stream, none");
                yield null;
            }
        };
    }
}
