package io.greenscale.daemon.config;

import io.greenscale.policy.Policy;
import java.util.Map;
import java.util.Objects;

/**
 * One scale target, validated: the workload, the mode, where each signal comes from, and the
 * policy that decides its replica count.
 *
 * @param queue              null when the target has no work queue
 * @param inFlight           where in-flight work is read when there is no queue (HTTP workloads)
 * @param busyAwareScaleDown annotate pods with {@code controller.kubernetes.io/pod-deletion-cost}
 *                           from their in-flight work before lowering replicas, so idle pods go first
 * @param local              worker processes on this machine instead of a Kubernetes workload; null for a Kubernetes target
 */
public record TargetConfig(
        TargetRef ref,
        Mode mode,
        Policy policy,
        QueueSpec queue,
        CpuSource cpu,
        PromSignalSpec gpu,
        PromSignalSpec p95,
        PromSignalSpec inFlight,
        Map<String, PromSignalSpec> extra,
        boolean busyAwareScaleDown,
        LocalSpec local) {

    public TargetConfig {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(cpu, "cpu");
        Objects.requireNonNull(gpu, "gpu");
        Objects.requireNonNull(p95, "p95");
        Objects.requireNonNull(inFlight, "inFlight");
        extra = Map.copyOf(extra);
    }

    public boolean isLocal() {
        return local != null;
    }

    /** {@code namespace/kind/name}: the target's name in logs, metrics and Events. */
    public String id() {
        return ref.id();
    }
}
