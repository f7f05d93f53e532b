package io.greenscale.policy.core;

import io.greenscale.policy.PolicyState;
import io.greenscale.policy.limit.StepStreak;
import io.greenscale.policy.limit.TimedValues;
import io.greenscale.policy.signal.Ewma;
import io.greenscale.policy.signal.Holt;
import io.greenscale.policy.signal.Recurrence;
import java.time.Instant;

/**
 * What GreenScale remembers between ticks. Immutable; each decision returns the next one.
 *
 * <p>Scale events are what was <em>observed</em>: a change of the target's replica count between
 * two ticks (dated at the decision that asked for it, when it was ours). A dry-run decision that
 * nobody applied therefore spends no step budget and starts no cooldown.
 *
 * @param rate             learned jobs per second per busy replica (EWMA of samples)
 * @param coldStartSeconds learned time from asking for a pod to its readiness; NaN until the first sample
 * @param lastReady        the ready count seen last tick, −1 before the first
 * @param lastCurrent      the replica count seen last tick, −1 before the first
 * @param lastDesired      what the last decision asked for, −1 before the first
 * @param lastDecisionAt   when the last decision was taken, or null
 * @param recommendations  recommendations (after the deadband) for the scale-up stabilisation window
 * @param sustainedRecommendations their sustained parts (no backlog-drain surge), for the scale-down window
 * @param scaleEvents      signed observed replica changes, for step limits
 * @param lastScaleEvent   when the last observed scale event (either direction) happened, or null
 * @param lastScaleUp      when the last observed scale-up happened, or null
 * @param idleSince        since when backlog, in-flight work and arrivals have all been zero, or null
 * @param lastBacklogAt    when a backlog (more than a second of work for the ready replicas) was last seen, or null
 * @param recurrence       onsets of bursts in the arrival level, for bursts that recur on a schedule
 */
public record GreenScaleState(
        Ewma cpu,
        Holt arrivals,
        Ewma rate,
        double coldStartSeconds,
        int lastReady,
        int lastCurrent,
        int lastDesired,
        Instant lastDecisionAt,
        Launches launches,
        TimedValues recommendations,
        TimedValues sustainedRecommendations,
        TimedValues scaleEvents,
        Instant lastScaleEvent,
        Instant lastScaleUp,
        StepStreak streak,
        Instant idleSince,
        Instant lastBacklogAt,
        Recurrence recurrence) implements PolicyState {

    public static final GreenScaleState INITIAL = new GreenScaleState(Ewma.EMPTY, Holt.EMPTY, Ewma.EMPTY, Double.NaN, -1, -1, -1,
            null, Launches.NONE, TimedValues.EMPTY, TimedValues.EMPTY, TimedValues.EMPTY, null, null, StepStreak.NONE, null, null, Recurrence.EMPTY);

    /** Pods asked for and not ready yet. */
    public int pendingLaunches() {
        return launches.pending();
    }
}
