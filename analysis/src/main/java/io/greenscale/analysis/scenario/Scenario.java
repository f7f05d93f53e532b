package io.greenscale.analysis.scenario;

import io.greenscale.analysis.sim.ClusterModel;
import io.greenscale.loadgen.profile.ArrivalStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * One comparison scenario: a workload on a cluster, with the facts about the deployment that a
 * user gives every autoscaler alike (replica bounds, the latency SLO), and the moments worth
 * measuring a reaction from.
 *
 * @param arrivals a fresh, deterministic arrival stream for a seed (called once per run, and once
 *                 more for the oracle's plan)
 * @param workload the workload's description for run.json
 */
public record Scenario(String name, String title, String description, ClusterModel cluster,
                       LongFunction<ArrivalStream> arrivals, Map<String, Object> workload, Duration duration,
                       int minReplicas, int maxReplicas, int initialReplicas, Duration slo, List<Event> events) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(arrivals, "arrivals");
        events = List.copyOf(events);
        workload = Map.copyOf(workload);
    }

    /** A moment of the workload, e.g. a load step, from which time to react is measured. */
    public record Event(Duration at, String kind) {}

    /** True when the deployment may scale to zero. */
    public boolean scalesToZero() {
        return minReplicas == 0;
    }
}
