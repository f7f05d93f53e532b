package io.greenscale.daemon.kube;

import io.greenscale.daemon.config.TargetRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one place that lists every Kubernetes API call the daemon makes. The manifests' Role is
 * tested against {@link #forKinds}, and the end-to-end tests check that every request the
 * stand-in API server received is in this list.
 */
public final class ApiCalls {
    private ApiCalls() {}

    /** The target's pods, for readiness and start times, and for the busy-aware scale-down annotation. */
    public static final ApiCall LIST_PODS = new ApiCall("", "pods", "list");
    public static final ApiCall PATCH_POD = new ApiCall("", "pods", "patch");
    /** An Event on every scale and on every refusal (HPA conflict, pause). */
    public static final ApiCall CREATE_EVENT = new ApiCall("", "events", "create");
    /** HPAs in the target's namespace: refuse to fight one (active mode), read its choice (shadow mode). */
    public static final ApiCall LIST_HPAS = new ApiCall("autoscaling", "horizontalpodautoscalers", "list");
    /** metrics-server's pod usage, for CPU. */
    public static final ApiCall LIST_POD_METRICS = new ApiCall("metrics.k8s.io", "pods", "list");
    /** What client-java-extended's LeaderElector with a LeaseLock sends. */
    public static final List<ApiCall> LEADER_ELECTION = List.of(
            new ApiCall("coordination.k8s.io", "leases", "get"),
            new ApiCall("coordination.k8s.io", "leases", "create"),
            new ApiCall("coordination.k8s.io", "leases", "update"));

    /** Lists the workloads of the target's kind in its namespace, for the pause annotation. */
    public static ApiCall listWorkloads(TargetRef ref) {
        return new ApiCall(ref.group(), ref.resource(), "list");
    }

    public static ApiCall getScale(TargetRef ref) {
        return new ApiCall(ref.group(), ref.resource() + "/scale", "get");
    }

    /** The scale write: a PUT carrying the resourceVersion that was read, so a concurrent change is a 409. */
    public static ApiCall updateScale(TargetRef ref) {
        return new ApiCall(ref.group(), ref.resource() + "/scale", "update");
    }

    /** Every call the daemon can make for targets of the given workload kinds. */
    public static Set<ApiCall> forKinds(Collection<TargetRef> refs) {
        Set<ApiCall> calls = new LinkedHashSet<>(List.of(LIST_PODS, PATCH_POD, CREATE_EVENT, LIST_HPAS, LIST_POD_METRICS));
        calls.addAll(LEADER_ELECTION);
        for (TargetRef ref : refs) {
            calls.add(listWorkloads(ref));
            calls.add(getScale(ref));
            calls.add(updateScale(ref));
        }
        return calls;
    }

    /** The calls for the built-in scalable kinds: Deployments, StatefulSets and ReplicaSets. */
    public static Set<ApiCall> builtIn() {
        List<TargetRef> apps = new ArrayList<>();
        for (String[] kind : new String[][] {{"Deployment", "deployments"}, {"StatefulSet", "statefulsets"}, {"ReplicaSet", "replicasets"}}) {
            apps.add(new TargetRef("any", "apps/v1", kind[0], "any", kind[1]));
        }
        return forKinds(apps);
    }
}
