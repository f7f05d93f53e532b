package io.greenscale.policy.propose;

import io.greenscale.policy.Explanation.Vote;
import io.greenscale.policy.signal.Holt;
import java.time.Duration;

/**
 * Provision now for the arrival rate one horizon (the cold-start time) ahead, from Holt's
 * linear trend: the replicas {@code max(0, level + trend × horizon)} arrivals per second need with the
 * same {@link Headroom} as the queue's steady state.
 * Add-only: a falling forecast never removes capacity by itself.
 */
public final class ForecastProposal {
    private ForecastProposal() {}

    public static Proposal propose(Holt arrivals, Duration horizon, double perReplicaRate, Headroom headroom) {
        double h = horizon.toNanos() / 1e9;
        double ahead = Math.max(0, arrivals.forecast(h));
        int replicas = headroom.replicas(ahead, perReplicaRate);
        return new Proposal("forecast", replicas, Vote.ADD_ONLY,
                "arrivals in " + Proposal.fmt(h) + "s: " + Proposal.fmt(arrivals.level()) + " + " + Proposal.fmt(arrivals.trend())
                        + "/s × " + Proposal.fmt(h) + "s = " + Proposal.fmt(ahead) + "/s at " + Proposal.fmt(perReplicaRate)
                        + "/s per replica " + headroom.describe() + " → " + replicas);
    }
}
