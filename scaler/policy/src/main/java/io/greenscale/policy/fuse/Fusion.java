package io.greenscale.policy.fuse;

import io.greenscale.policy.Explanation.Vote;
import io.greenscale.policy.propose.Proposal;
import java.util.List;

/**
 * Fuses per-signal proposals into one recommendation: the largest proposal that may vote wins
 * (as the HPA does across metrics). Proposals that may only add — latency, forecast, a
 * confirming GPU, a queue without rates — never lower the count on their own: without a full
 * vote the recommendation is at least the current count.
 */
public final class Fusion {
    private Fusion() {}

    /**
     * @param replicas the fused recommendation (the current count when nothing voted)
     * @param winner   the source of the winning proposal, null when nothing voted
     */
    public record Result(int replicas, String winner, boolean anyVote) {}

    public static Result fuse(List<Proposal> proposals, int current) {
        Proposal best = null;
        boolean fullVote = false;
        for (Proposal p : proposals) {
            if (p.vote() == Vote.NONE) {
                continue;
            }
            fullVote |= p.vote() == Vote.FULL;
            if (best == null || p.replicas() > best.replicas()) {
                best = p;
            }
        }
        if (best == null) {
            return new Result(current, null, false);
        }
        if (!fullVote && best.replicas() < current) {
            return new Result(current, best.source(), true);
        }
        return new Result(best.replicas(), best.source(), true);
    }
}
