package io.greenscale.policy.propose;

import io.greenscale.policy.Explanation.Vote;
import java.time.Duration;

/**
 * p95 latency against the SLO. It can only add capacity: under the SLO it does not vote at all;
 * over it, it asks for {@code ceil(ready × min(p95 / slo, maxStepFactor))}. A latency window
 * still remembers the overload for a while after new pods become ready, so it only votes once
 * the last scale-up's pods have had {@code settle} to show in it — otherwise every tick of a
 * lagging window would add pods again.
 */
public final class LatencyProposal {
    private LatencyProposal() {}

    /**
     * @param settledAfterScaleUp false while pods of the last scale-up are starting or have been ready for less than the settle time
     */
    public static Proposal propose(double p95Seconds, Duration slo, double tolerance, double maxStepFactor,
                                   int ready, int current, boolean settledAfterScaleUp) {
        double sloSeconds = slo.toNanos() / 1e9;
        double ratio = p95Seconds / sloSeconds;
        String measured = "p95 " + Proposal.fmt(p95Seconds * 1000) + "ms vs SLO " + Proposal.fmt(sloSeconds * 1000) + "ms";
        if (ratio <= 1 + tolerance) {
            return new Proposal("latency", current, Vote.NONE, measured + ": within SLO, no vote");
        }
        if (!settledAfterScaleUp) {
            return new Proposal("latency", current, Vote.NONE, measured + ": the last scale-up has not settled yet, no vote");
        }
        double factor = Math.min(ratio, maxStepFactor);
        int replicas = Math.max(current, Proposal.ceilReplicas(Math.max(ready, 1) * factor));
        return new Proposal("latency", replicas, Vote.ADD_ONLY,
                measured + ": ceil(" + ready + " ready × " + Proposal.fmt(factor) + ") = " + replicas);
    }
}
