package io.greenscale.daemon.signal;

import io.greenscale.policy.signal.PodSnapshot;
import io.greenscale.policy.signal.Reading;
import java.time.Instant;
import java.util.List;

/** Readiness counts and CPU utilisation from a target's pods. Pure. */
public final class PodSignals {
    private PodSignals() {}

    /** Pods that serve traffic: Running, Ready and not being deleted. */
    public static int ready(List<PodSnapshot> pods) {
        return (int) pods.stream().filter(PodSnapshot::isServing).count();
    }

    /** Pods that exist, are not being deleted and not yet ready: scheduling, pulling, loading a model. */
    public static int starting(List<PodSnapshot> pods) {
        return (int) pods.stream()
                .filter(p -> !p.deleted() && !p.isServing())
                .filter(p -> p.phase() == PodSnapshot.Phase.PENDING || p.phase() == PodSnapshot.Phase.RUNNING || p.phase() == PodSnapshot.Phase.UNKNOWN)
                .count();
    }

    /**
     * CPU usage over the ready pods as a fraction of their requests: Σ usage ÷ Σ requests over the
     * ready pods that have both, as the HPA computes resource utilisation. Observed at the oldest
     * sample's time.
     */
    public static Reading cpu(List<PodSnapshot> pods) {
        List<PodSnapshot> serving = pods.stream().filter(PodSnapshot::isServing).toList();
        if (serving.isEmpty()) {
            return Reading.absent("no ready pods to measure CPU on");
        }
        long usage = 0;
        long requests = 0;
        Instant oldest = null;
        int counted = 0;
        boolean anyRequest = false;
        for (PodSnapshot p : serving) {
            Long request = p.requestsMilli().get("cpu");
            anyRequest |= request != null && request > 0;
            PodSnapshot.MetricSample sample = p.metrics().get("cpu");
            if (request == null || request <= 0 || sample == null) {
                continue;
            }
            usage += sample.valueMilli();
            requests += request;
            oldest = oldest == null || sample.timestamp().isBefore(oldest) ? sample.timestamp() : oldest;
            counted++;
        }
        if (!anyRequest) {
            return Reading.absent("the ready pods have no CPU request, so utilisation is undefined");
        }
        if (counted == 0) {
            return Reading.absent("metrics.k8s.io has no CPU sample for any of the " + serving.size() + " ready pods");
        }
        return Reading.of((double) usage / requests, oldest);
    }
}
