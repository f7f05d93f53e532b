package io.greenscale.policy.propose;

import io.greenscale.policy.Explanation.Vote;
import java.time.Duration;
import java.util.List;

/**
 * The primary demand signal: replicas to serve the arrival rate with headroom and to drain the
 * backlog within the drain target — counting pods that are already starting as capacity on its
 * way, so a slow cold start does not make every tick ask for more.
 *
 * <p>Two requirements, the larger wins:
 * <ul>
 *   <li><b>steady state</b>: the replicas the (smoothed) arrival rate needs with {@link Headroom}: a
 *       utilisation target, or the fewest that keep waits short by queueing theory;</li>
 *   <li><b>drain</b>: all work that exists now or arrives within {@code H = coldStart + drainWindow}
 *       ({@code arrivals × H + backlog}) is served by then. Ready pods serve at full speed for
 *       {@code H}; a starting pod from when it becomes ready; a pod added now from {@code coldStart}
 *       on. The fewest pods that do it — ready ones first, then starting ones in order of
 *       readiness, then new ones — is the drain requirement.</li>
 * </ul>
 * With nothing starting and no cold start this is {@code (arrivals + backlog / drainWindow) / perReplicaRate}
 * at full speed; the steady-state term adds the utilisation headroom.
 */
public final class QueueProposal {
    private QueueProposal() {}

    /**
     * @param arrivalsPerSecond     arrival rate; NaN when unknown (then the completion rate stands in)
     * @param steadyArrivalsPerSecond the smoothed arrival rate for the steady-state term; NaN = use the measured one
     * @param completionsPerSecond  completion rate; NaN when unknown
     * @param backlog               jobs waiting
     * @param ready                 ready replicas
     * @param startingRemaining     for each starting pod, how long until it is expected ready, ascending
     * @param perReplicaRate        jobs per second one busy replica completes
     * @param drainWindow           how long a pod added now gets to drain once ready (the policy's
     *                              {@code max(drainTarget, surgePayback × coldStart)})
     * @param coldStart             time from asking for a pod to its being ready
     */
    public static Proposal propose(double arrivalsPerSecond, double steadyArrivalsPerSecond, double completionsPerSecond,
                                   double backlog, int ready, List<Duration> startingRemaining, double perReplicaRate,
                                   Headroom headroom, Duration drainWindow, Duration coldStart) {
        Vote vote = Vote.FULL;
        String arrivalNote;
        double lambda;
        if (!Double.isNaN(arrivalsPerSecond)) {
            lambda = arrivalsPerSecond;
            arrivalNote = "arrivals " + Proposal.fmt(lambda) + "/s";
        } else if (!Double.isNaN(completionsPerSecond)) {
            lambda = completionsPerSecond;
            arrivalNote = "arrivals unknown, completions " + Proposal.fmt(lambda) + "/s";
        } else {
            lambda = 0;
            vote = Vote.ADD_ONLY;
            arrivalNote = "arrival and completion rates unknown (backlog only, add-only)";
        }
        double steadyLambda = Double.isNaN(steadyArrivalsPerSecond) || vote == Vote.ADD_ONLY || Double.isNaN(arrivalsPerSecond)
                ? lambda : steadyArrivalsPerSecond;
        double mu = perReplicaRate;
        double t = seconds(drainWindow);
        double h = seconds(coldStart) + t;
        // The horizon is long: a noisy tick's rate times it would swing the plan, so it takes the smoothed
        // rate (steps still come through at once: the smoothing confirms them, and the backlog is exact).
        double work = steadyLambda * h + backlog;

        int drain;
        double perReady = mu * h;
        int readyNeeded = Proposal.ceilReplicas(work / perReady);
        if (readyNeeded <= ready) {
            drain = readyNeeded;
        } else {
            double served = ready * perReady;
            drain = ready;
            for (Duration remaining : startingRemaining) {
                if (served >= work) {
                    break;
                }
                served += mu * Math.max(0, h - seconds(remaining));
                drain++;
            }
            if (served < work) {
                drain += Proposal.ceilReplicas((work - served) / (mu * t));
            }
        }
        int steady = headroom.replicas(steadyLambda, mu);
        int replicas = Math.max(drain, steady);
        if (replicas == 0 && (lambda > 0 || backlog > 0)) {
            replicas = 1;
        }
        String detail = arrivalNote + ", backlog " + Proposal.fmt(backlog) + ", " + Proposal.fmt(mu) + "/s per replica: steady "
                + steady + " (" + Proposal.fmt(steadyLambda) + "/s " + headroom.describe() + "), drain within " + Proposal.fmt(h) + "s " + drain
                + (startingRemaining.isEmpty() ? "" : " (counting " + startingRemaining.size() + " starting)") + " → " + replicas;
        return new Proposal("queue", replicas, Math.min(replicas, Math.max(steady, replicas == 0 ? 0 : 1)), vote, detail);
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
