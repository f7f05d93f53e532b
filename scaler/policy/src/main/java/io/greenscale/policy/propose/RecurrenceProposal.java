package io.greenscale.policy.propose;

import io.greenscale.policy.Explanation.Vote;
import io.greenscale.policy.signal.Recurrence.Prediction;
import java.time.Duration;
import java.time.Instant;

/**
 * Capacity for a burst that recurs on a schedule, ready when it is due: from {@code lead} before the
 * predicted onset until the tolerance after it, the replicas the last burst's level needs with the
 * queue's {@link Headroom}, at the per-replica rate learned while it ran. Add-only, like AWS
 * predictive scaling's ForecastAndScale: a prediction never removes capacity; once the burst comes,
 * the measured signals carry it. Outside that window it is listed without a vote, so the decision
 * log says when the next burst is due.
 */
public final class RecurrenceProposal {
    private RecurrenceProposal() {}

    /** True while {@code now} is inside the window in which the predicted burst needs its capacity. */
    public static boolean due(Prediction p, Duration lead, Instant now) {
        return !now.isBefore(p.next().minus(lead)) && !now.isAfter(p.next().plus(p.tolerance()));
    }

    public static Proposal propose(Prediction p, Duration lead, Instant now, double currentPerReplicaRate, Headroom headroom) {
        double perReplicaRate = Double.isNaN(p.peakPerReplicaRate()) ? currentPerReplicaRate : p.peakPerReplicaRate();
        int replicas = headroom.replicas(p.peak(), perReplicaRate);
        double in = Duration.between(now, p.next()).toMillis() / 1000.0;
        String when = in >= 0 ? "next expected in " + Proposal.fmt(in) + "s" : "next expected " + Proposal.fmt(-in) + "s ago";
        String pattern = "bursts every " + Proposal.fmt(p.period().toMillis() / 1000.0) + "s ± "
                + Proposal.fmt(p.tolerance().toMillis() / 1000.0) + "s (" + p.seen() + " onsets), " + when;
        if (!due(p, lead, now)) {
            return new Proposal("recurrence", replicas, Vote.NONE, pattern + "; ready for " + Proposal.fmt(p.peak()) + "/s from "
                    + Proposal.fmt(lead.toMillis() / 1000.0) + "s before");
        }
        return new Proposal("recurrence", replicas, Vote.ADD_ONLY, pattern + ": ready for the last burst's "
                + Proposal.fmt(p.peak()) + "/s at " + Proposal.fmt(perReplicaRate) + "/s per replica " + headroom.describe()
                + " → " + replicas);
    }
}
