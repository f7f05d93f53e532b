package io.greenscale.policy.propose;

import io.greenscale.policy.Explanation.Vote;
import java.util.Objects;

/**
 * One signal's recommendation: how many replicas it asks for, how it may vote in fusion, and a
 * short account of the arithmetic for the decision log.
 */
public record Proposal(String source, int replicas, Vote vote, String detail) {

    public Proposal {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(vote, "vote");
        if (replicas < 0) {
            throw new IllegalArgumentException("a proposal is >= 0 replicas, got " + replicas);
        }
    }

    public Proposal withVote(Vote newVote, String newDetail) {
        return new Proposal(source, replicas, newVote, newDetail);
    }

    /** ceil that tolerates float noise: 2.0000000001 → 2, not 3. Replica arithmetic is in doubles. */
    static int ceilReplicas(double x) {
        if (!(x > 0)) {
            return 0;
        }
        double rounded = Math.rint(x);
        if (Math.abs(x - rounded) < 1e-9) {
            return (int) Math.min(Integer.MAX_VALUE, rounded);
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.ceil(x));
    }

    /** Compact number for explanations: integers as such, others to 3 decimals (cheap: no Formatter). */
    public static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        double r = Math.round(v * 1000) / 1000.0;
        return r == 0 && v != 0 ? Double.toString(v) : Double.toString(r);
    }
}
