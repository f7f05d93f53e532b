package io.greenscale.analysis.scenario;

import io.greenscale.analysis.sim.ClusterModel;
import io.greenscale.loadgen.profile.ArrivalStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One comparison scenario: a workload on a cluster, with the facts about the deployment that a
 * user gives every autoscaler alike (replica bounds, the latency SLO), and the moments worth
 * measuring a reaction from.
 *
 * @param workload where the requests come from; each run draws a fresh, deterministic stream (and the
 *                 oracle one more, identical, for its plan)
 */
public record Scenario(String name, String title, String description, ClusterModel cluster,
                       WorkloadSource workload, Duration duration,
                       int minReplicas, int maxReplicas, int initialReplicas, Duration slo, List<Event> events) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(workload, "workload");
        events = List.copyOf(events);
    }

    /** A fresh arrival stream for {@code seed}. */
    public ArrivalStream arrivals(long seed) {
        return workload.arrivals(seed);
    }

    /** A moment of the workload, e.g. a load step, from which time to react is measured. */
    public record Event(Duration at, String kind) {}

    /** True when the deployment may scale to zero. */
    public boolean scalesToZero() {
        return minReplicas == 0;
    }
}
