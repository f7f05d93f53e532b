package io.greenscale.policy.propose;

import io.greenscale.policy.Explanation.Vote;

/**
 * The HPA's ratio rule for a utilisation signal: {@code ceil(ready × value / target)}, or the
 * current count when {@code value / target} is within the tolerance. Used for CPU (smoothed)
 * and GPU duty cycle. The result is a total that already includes pods that are starting: they
 * are capacity on its way, so a proposal at or below {@code current} asks for no new pods.
 */
public final class RatioProposal {
    private RatioProposal() {}

    /**
     * @param value     the (smoothed) utilisation, a fraction of request or of the GPU's time
     * @param target    the utilisation to aim for
     * @param tolerance the deadband around 1.0 for {@code value / target}
     * @param ready     ready pods the value was averaged over
     * @param current   the current replica count (ready + starting)
     */
    public static Proposal propose(String source, double value, double target, double tolerance,
                                   int ready, int current, Vote vote) {
        double ratio = value / target;
        if (ratio >= 1 - tolerance && ratio <= 1 + tolerance) {
            return new Proposal(source, current, vote,
                    Proposal.fmt(value) + "/" + Proposal.fmt(target) + " = " + Proposal.fmt(ratio) + " within ±" + Proposal.fmt(tolerance) + " → hold");
        }
        int base = Math.max(ready, ratio > 1 ? 1 : 0);
        int replicas = Proposal.ceilReplicas(ratio * base);
        return new Proposal(source, replicas, vote,
                "ceil(" + base + " ready × " + Proposal.fmt(value) + "/" + Proposal.fmt(target) + ") = " + replicas);
    }
}
