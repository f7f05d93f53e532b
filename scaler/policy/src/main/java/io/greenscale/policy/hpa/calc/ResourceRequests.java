package io.greenscale.policy.hpa.calc;

import io.greenscale.policy.signal.PodSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each pod's request for a resource, summed over its containers and restartable init containers
 * ({@code replica_calculator.go: calculateRequests, calculatePodRequestsFromContainers}).
 * Evaluated for every pod in the list, ignored and unready ones included, so one pod without a
 * request fails the whole metric.
 */
final class ResourceRequests {
    private ResourceRequests() {}

    static Map<String, Long> of(List<PodSnapshot> pods, String resource) throws CalculationException {
        Map<String, Long> requests = new HashMap<>();
        for (PodSnapshot pod : pods) {
            Long request = pod.requestsMilli().get(resource);
            if (request == null) {
                throw new CalculationException("missing request for " + resource + " in a container of Pod " + pod.name());
            }
            requests.put(pod.name(), request);
        }
        return requests;
    }
}
