package io.greenscale.daemon.target;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pod-deletion costs for a busy-aware scale-down. The ReplicaSet controller removes pods with the
 * lowest {@code controller.kubernetes.io/pod-deletion-cost} first, so each pod's cost is the
 * number of jobs it is working on: idle pods go first, the busiest last. Pure.
 */
public final class DeletionCosts {
    public static final String ANNOTATION = "controller.kubernetes.io/pod-deletion-cost";

    private DeletionCosts() {}

    /**
     * @param pods         the target's pod names
     * @param inFlightByWorker in-flight jobs per worker id; the queue protocol makes the worker id the pod name
     * @return pod name → cost for every pod (0 for a pod with no in-flight work)
     */
    public static Map<String, Integer> of(Collection<String> pods, Map<String, Long> inFlightByWorker) {
        Map<String, Integer> costs = new LinkedHashMap<>();
        for (String pod : pods) {
            long busy = inFlightByWorker.getOrDefault(pod, 0L);
            costs.put(pod, (int) Math.min(Integer.MAX_VALUE, busy));
        }
        return costs;
    }

    /** Only the pods whose annotation must change: {@code current} holds each pod's annotation value, or null. */
    public static Map<String, Integer> changes(Map<String, Integer> wanted, Map<String, String> current) {
        Map<String, Integer> out = new LinkedHashMap<>();
        wanted.forEach((pod, cost) -> {
            if (!String.valueOf(cost).equals(current.get(pod))) {
                out.put(pod, cost);
            }
        });
        return out;
    }
}
