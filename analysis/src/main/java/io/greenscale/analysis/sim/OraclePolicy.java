package io.greenscale.analysis.sim;

import io.greenscale.policy.Decision;
import io.greenscale.policy.Explanation;
import io.greenscale.policy.Explanation.ProposalNote;
import io.greenscale.policy.Explanation.Vote;
import io.greenscale.policy.Policy;
import io.greenscale.policy.PolicyState;
import io.greenscale.policy.Reason;
import io.greenscale.policy.signal.Signal;
import io.greenscale.policy.signal.Signals;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The clairvoyant policy (simulator only): asks, at each second, for the most replicas the
 * {@link OraclePlan} needs between now and one pod start-up ahead, so every replica is ready the
 * moment it is needed and gone the moment it is not.
 */
public final class OraclePolicy implements Policy {
    private static final PolicyState STATE = new PolicyState() {};
    /** The oracle decides every 5 s and looks that much further ahead, so it is never late. */
    private static final int SYNC_SECONDS = 5;

    private final int[] need;
    private final int leadSeconds;
    private final Instant epoch;

    /**
     * The oracle for a run: plans from the run's own arrivals (a second stream with the same seed).
     *
     * @param sameArrivals a fresh stream identical to the run's
     */
    public static OraclePolicy forRun(ClusterModel model, io.greenscale.loadgen.profile.ArrivalStream sameArrivals, Duration duration,
                                      Duration slo, int minReplicas, int maxReplicas, long seed) {
        int[] need = OraclePlan.requiredReplicas(sameArrivals, new ServiceTimes(model.service(), seed), duration, slo,
                model.service().concurrency(), model.dispatch() == ClusterModel.Dispatch.QUEUE,
                OraclePlan.noiseQuantiles(model.service()), minReplicas, maxReplicas);
        Duration lead = model.lifecycle().timeToReady()
                .plusMillis(Math.round(model.lifecycle().coldStart().toMillis() * model.lifecycle().coldStartJitter()));
        return new OraclePolicy(need, lead, Simulation.EPOCH);
    }

    /** @param lead the time from asking for a pod to its readiness, at the longest */
    OraclePolicy(int[] need, Duration lead, Instant epoch) {
        this.need = need;
        this.leadSeconds = (int) Math.ceil(lead.toNanos() / 1e9) + SYNC_SECONDS;
        this.epoch = epoch;
    }

    @Override
    public String name() {
        return "oracle";
    }

    @Override
    public Duration syncPeriod() {
        return Duration.ofSeconds(SYNC_SECONDS);
    }

    @Override
    public Set<Signal> inputs() {
        return Set.of();
    }

    @Override
    public PolicyState initialState() {
        return STATE;
    }

    @Override
    public Decision decide(Signals signals, PolicyState state, Instant now) {
        int t = (int) Math.max(0, Duration.between(epoch, now).toSeconds());
        int desired = 0;
        // Every window that contains a second from now until a new pod would be ready.
        for (int s = Math.max(0, t - OraclePlan.WINDOW_SECONDS + 1); s <= t + leadSeconds && s < need.length; s++) {
            desired = Math.max(desired, need[s]);
        }
        if (t >= need.length) {
            desired = need.length == 0 ? signals.currentReplicas() : need[need.length - 1];
        }
        int current = signals.currentReplicas();
        Explanation why = new Explanation.Builder()
                .proposal(new ProposalNote("oracle", desired, Vote.FULL, "most replicas needed from now until a pod asked for now is ready ("
                        + leadSeconds + "s)"))
                .winner("oracle", desired)
                .build();
        Reason reason = desired > current ? Reason.SCALE_UP : desired < current ? Reason.SCALE_DOWN : Reason.STEADY;
        return new Decision(current, desired, reason, why, STATE);
    }
}
