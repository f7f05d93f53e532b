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
     * {@code maxWait}; never busier than {@code maxUtilization}. With a shared work queue any free slot
     * takes the next job (one M/M/c queue over all slots); behind a load balancer each replica queues
     * its own share ({@code pooled} false: one M/M/c queue per replica with an even share of the load).
     */
    record Latency(Duration maxWait, double missBudget, double maxUtilization, int slotsPerReplica, int maxReplicas,
                   boolean pooled) implements Headroom {
        @Override
        public int replicas(double arrivalsPerSecond, double perReplicaRate) {
            int byUtilization = Proposal.ceilReplicas(arrivalsPerSecond / (perReplicaRate * maxUtilization));
            if (arrivalsPerSecond <= 0) {
                return byUtilization;
            }
            double perSlot = perReplicaRate / slotsPerReplica;
            double wait = maxWait.toNanos() / 1e9;
            if (pooled) {
                int servers = ErlangC.servers(arrivalsPerSecond, perSlot, wait, missBudget, (maxReplicas + 1) * slotsPerReplica);
                return Math.max((servers + slotsPerReplica - 1) / slotsPerReplica, byUtilization);
            }
            for (int n = Math.max(1, byUtilization); n <= maxReplicas; n++) {
                if (ErlangC.waitTail(arrivalsPerSecond / n, perSlot, slotsPerReplica, wait) <= missBudget) {
                    return n;
                }
            }
            return maxReplicas + 1;
        }

        @Override
        public String describe() {
            return "waits over " + Proposal.fmt(maxWait.toMillis() / 1000.0) + "s for ≤" + Proposal.fmt(missBudget * 100) + "% (Erlang C, "
                    + (pooled ? "shared queue" : "a queue per replica") + ")";
        }
    }
}
