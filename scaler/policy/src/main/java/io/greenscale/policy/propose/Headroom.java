package io.greenscale.policy.propose;

import java.time.Duration;

/**
 * How many replicas steady arrivals need, beyond bare throughput: a fixed utilisation target, or
 * — given a latency objective — the fewest replicas whose slots keep the wait short by queueing
 * theory ({@link ErlangC}).
 */
public sealed interface Headroom {

    /** Replicas for {@code arrivalsPerSecond} when one busy replica completes {@code perReplicaRate} jobs/s. */
    int replicas(double arrivalsPerSecond, double perReplicaRate);

    /** A few words for the decision log. */
    String describe();

    /** {@code ceil(arrivals / (perReplicaRate × target))}. */
    record Utilization(double target) implements Headroom {
        @Override
        public int replicas(double arrivalsPerSecond, double perReplicaRate) {
            return Proposal.ceilReplicas(arrivalsPerSecond / (perReplicaRate * target));
        }

        @Override
        public String describe() {
            return "at " + Proposal.fmt(target * 100) + "% busy";
        }
    }

    /**
     * The fewest replicas for which, by Erlang C, at most {@code missBudget} of jobs wait longer than
     * {@code maxWait}; never busier than {@code maxUtilization}.
     */
    record Latency(Duration maxWait, double missBudget, double maxUtilization, int slotsPerReplica, int maxReplicas)
            implements Headroom {
        @Override
        public int replicas(double arrivalsPerSecond, double perReplicaRate) {
            double perSlot = perReplicaRate / slotsPerReplica;
            int servers = ErlangC.servers(arrivalsPerSecond, perSlot, maxWait.toNanos() / 1e9, missBudget,
                    (maxReplicas + 1) * slotsPerReplica);
            int byQueueing = (servers + slotsPerReplica - 1) / slotsPerReplica;
            int byUtilization = Proposal.ceilReplicas(arrivalsPerSecond / (perReplicaRate * maxUtilization));
            return Math.max(byQueueing, byUtilization);
        }

        @Override
        public String describe() {
            return "waits over " + Proposal.fmt(maxWait.toMillis() / 1000.0) + "s for ≤" + Proposal.fmt(missBudget * 100) + "% (Erlang C)";
        }
    }
}
