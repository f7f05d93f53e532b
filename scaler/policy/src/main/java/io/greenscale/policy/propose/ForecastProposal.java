package io.greenscale.policy.propose;

import io.greenscale.policy.Explanation.Vote;
import io.greenscale.policy.signal.Holt;
import java.time.Duration;

/**
 * Provision now for the arrival rate one horizon (the cold-start time) ahead, from Holt's
 * linear trend: {@code ceil(max(0, level + trend × horizon) / (perReplicaRate × utilizationTarget))}.
 * Add-only: a falling forecast never removes capacity by itself.
 */
public final class ForecastProposal {
    private ForecastProposal() {}

    public static Proposal propose(Holt arrivals, Duration horizon, double perReplicaRate, double utilizationTarget) {
        double h = horizon.toNanos() / 1e9;
        double ahead = Math.max(0, arrivals.forecast(h));
        double capacity = perReplicaRate * utilizationTarget;
        int replicas = Proposal.ceilReplicas(ahead / capacity);
        return new Proposal("forecast", replicas, Vote.ADD_ONLY,
                "arrivals in " + Proposal.fmt(h) + "s: " + Proposal.fmt(arrivals.level()) + " + " + Proposal.fmt(arrivals.trend())
                        + "/s × " + Proposal.fmt(h) + "s = " + Proposal.fmt(ahead) + "/s; ÷ (" + Proposal.fmt(perReplicaRate) + " × "
                        + Proposal.fmt(utilizationTarget) + ") = " + replicas);
    }
}
