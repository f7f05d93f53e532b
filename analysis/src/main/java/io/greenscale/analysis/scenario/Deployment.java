package io.greenscale.analysis.scenario;

import java.time.Duration;

/**
 * What a user knows about the deployment and gives every autoscaler alike: replica bounds,
 * whether it may scale to zero, the latency SLO, how many jobs a replica completes per second
 * (from a quick load test), its parallel slots, roughly how long a new pod takes to be ready, and
 * whether requests wait in a shared work queue or behind a load balancer.
 * Each policy turns these facts into its own settings; none is tuned per scenario.
 */
public record Deployment(int minReplicas, int maxReplicas, Duration slo, double perReplicaRate, int concurrency,
                         Duration timeToReady, boolean hasGpu, boolean sharedQueue) {

    public static Deployment of(Scenario s) {
        return new Deployment(s.minReplicas(), s.maxReplicas(), s.slo(), s.cluster().perReplicaRate(),
                s.cluster().service().concurrency(), s.cluster().lifecycle().timeToReady(),
                s.cluster().resources().gpusPerReplica() > 0, s.cluster().dispatch() == io.greenscale.analysis.sim.ClusterModel.Dispatch.QUEUE);
    }

    public boolean scalesToZero() {
        return minReplicas == 0;
    }
}
