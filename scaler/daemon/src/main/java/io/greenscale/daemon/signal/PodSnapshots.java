package io.greenscale.daemon.signal;

import io.greenscale.policy.signal.PodSnapshot;
import io.greenscale.policy.signal.PodSnapshot.MetricSample;
import io.greenscale.policy.signal.PodSnapshot.Phase;
import io.greenscale.policy.signal.PodSnapshot.ReadyCondition;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Converts the API's pods (and their metrics.k8s.io usage) into the policy's {@link PodSnapshot}s. */
public final class PodSnapshots {
    private PodSnapshots() {}

    public static PodSnapshot of(V1Pod pod, PodUsage usage) {
        var meta = pod.getMetadata();
        var status = pod.getStatus();
        Phase phase = phase(status == null ? null : status.getPhase());
        Instant start = status == null ? null : instant(status.getStartTime());
        ReadyCondition ready = null;
        if (status != null && status.getConditions() != null) {
            for (V1PodCondition c : status.getConditions()) {
                if ("Ready".equals(c.getType())) {
                    Instant since = instant(c.getLastTransitionTime());
                    ready = new ReadyCondition("True".equals(c.getStatus()), since == null ? Instant.EPOCH : since);
                }
            }
        }
        Map<String, MetricSample> metrics = new HashMap<>();
        if (usage != null) {
            metrics.put("cpu", new MetricSample(usage.cpuMilli(), usage.timestamp(), usage.window()));
        }
        return new PodSnapshot(meta.getName(), phase, meta.getDeletionTimestamp() != null, start, ready, requests(pod), metrics);
    }

    /** CPU requests summed over the containers; absent when any container has none (the HPA then ignores the pod). */
    static Map<String, Long> requests(V1Pod pod) {
        List<V1Container> containers = pod.getSpec() == null ? List.of() : pod.getSpec().getContainers();
        long milli = 0;
        for (V1Container c : containers) {
            Quantity cpu = c.getResources() == null || c.getResources().getRequests() == null ? null : c.getResources().getRequests().get("cpu");
            if (cpu == null) {
                return Map.of();
            }
            milli += milli(cpu);
        }
        return containers.isEmpty() ? Map.of() : Map.of("cpu", milli);
    }

    static long milli(Quantity q) {
        return q.getNumber().movePointRight(3).setScale(0, java.math.RoundingMode.CEILING).longValueExact();
    }

    private static Phase phase(String phase) {
        if (phase == null) {
            return Phase.UNKNOWN;
        }
        try {
            return Phase.valueOf(phase.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Phase.UNKNOWN;
        }
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
