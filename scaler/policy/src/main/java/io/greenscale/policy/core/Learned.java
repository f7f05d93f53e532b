package io.greenscale.policy.core;

import io.greenscale.policy.limit.StepStreak;
import io.greenscale.policy.limit.TimedValues;
import io.greenscale.policy.signal.Ewma;
import io.greenscale.policy.signal.Holt;
import io.greenscale.policy.signal.Recurrence;
import io.greenscale.policy.signal.Signal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What this tick's observations teach on top of the previous state: scale events (the replica
 * count changed since last tick), the smoothed CPU, the arrival level and trend, the per-replica
 * completion rate, the cold-start time (pods this policy asked for turning ready), the pods still
 * starting, and how long the target has been idle.
 */
record Learned(
        int ready,
        int starting,
        Ewma cpu,
        Holt arrivals,
        Ewma rate,
        double perReplicaRate,
        double learnedColdStart,
        Duration coldStart,
        Launches launches,
        TimedValues scaleEvents,
        Instant lastScaleEvent,
        Instant lastScaleUp,
        StepStreak streak,
        Instant idleSince,
        Instant lastBacklogAt,
        boolean workPresent,
        double rawArrivals,
        Recurrence recurrence) {

    private static final double COLD_START_ALPHA = 0.3;

    static Learned update(GreenScaleConfig cfg, Observations obs, GreenScaleState state, int current, Instant now, Duration memory) {
        boolean readyKnown = obs.fresh(Signal.READY_REPLICAS);
        int ready = obs.count(Signal.READY_REPLICAS, current);
        int starting = obs.count(Signal.STARTING_REPLICAS, readyKnown ? Math.max(0, current - ready) : 0);

        // Scale events: the count changed since the last tick, by us (dated at our decision) or by someone else (now).
        TimedValues events = state.scaleEvents();
        Instant lastEvent = state.lastScaleEvent();
        Instant lastUp = state.lastScaleUp();
        StepStreak streak = state.streak();
        Launches launches = state.launches();
        int change = state.lastCurrent() < 0 ? 0 : current - state.lastCurrent();
        if (change != 0) {
            Instant at = current == state.lastDesired() && state.lastDecisionAt() != null ? state.lastDecisionAt() : now;
            int direction = Integer.signum(change);
            events = events.append(at, change, memory);
            lastEvent = at;
            streak = streak.record(direction, direction > 0 ? cfg.scaleUp().settle() : cfg.scaleDown().settle(), at);
            if (direction > 0) {
                lastUp = at;
                launches = launches.add(at, change);
            }
        }

        double coldStart = state.coldStartSeconds();
        if (readyKnown && state.lastReady() >= 0 && ready > state.lastReady()) {
            Launches.Retired retired = launches.retireOldest(ready - state.lastReady(), now);
            launches = retired.remaining();
            for (double age : retired.agesSeconds()) {
                coldStart = Double.isNaN(coldStart) ? age : coldStart + COLD_START_ALPHA * (age - coldStart);
            }
        }
        launches = launches.trimNewestTo(readyKnown ? starting : 0);
        Duration coldStartNow = Double.isNaN(coldStart) ? cfg.coldStart() : Duration.ofMillis(Math.round(coldStart * 1000));

        Ewma cpu = state.cpu();
        if (obs.fresh(Signal.CPU)) {
            cpu = cpu.update(obs.value(Signal.CPU), obs.observedAt(Signal.CPU), cfg.cpu().alphaUp(), cfg.cpu().alphaDown());
        }
        Holt arrivals = state.arrivals();
        if (obs.fresh(Signal.ARRIVAL_RATE)) {
            arrivals = arrivals.update(obs.value(Signal.ARRIVAL_RATE), obs.observedAt(Signal.ARRIVAL_RATE),
                    cfg.forecast().alpha(), cfg.forecast().beta(), cfg.forecast().shiftThreshold());
        }
        Ewma rate = learnRate(cfg, obs, state.rate());
        double seed = cfg.queue().perReplicaRate();
        double perReplicaRate = rate.isEmpty() ? seed
                : Math.clamp(rate.value(), seed * cfg.queue().learnMinFactor(), seed * cfg.queue().learnMaxFactor());
        Recurrence recurrence = state.recurrence();
        if (cfg.recurrence().enabled() && arrivals.warmedUp() && !arrivals.lastObserved().equals(state.arrivals().lastObserved())) {
            recurrence = recurrence.observe(Math.max(0, arrivals.level()), arrivals.lastObserved(),
                    recurrenceRules(cfg, perReplicaRate));
        }

        double backlog = obs.value(Signal.QUEUE_BACKLOG);
        double inFlight = obs.value(Signal.IN_FLIGHT);
        double rawArrivals = obs.value(Signal.ARRIVAL_RATE);
        boolean idle = backlog == 0 && inFlight == 0 && rawArrivals < 1e-9;
        boolean work = backlog > 0 || inFlight > 0 || rawArrivals > 1e-9;
        Instant idleSince = idle ? (state.idleSince() == null ? now : state.idleSince()) : null;
        // A backlog is more than a second of work for the ready replicas; brief Poisson queues are not.
        boolean backlogged = backlog > Math.max(1, ready) * perReplicaRate;
        Instant lastBacklogAt = backlogged ? now : state.lastBacklogAt();

        return new Learned(ready, starting, cpu, arrivals, rate, perReplicaRate, coldStart, coldStartNow, launches,
                events, lastEvent, lastUp, streak, idleSince, lastBacklogAt, work, rawArrivals, recurrence);
    }

    /** An onset must add at least one replica's worth of arrivals; the timing is good to about three ticks. */
    static Recurrence.Rules recurrenceRules(GreenScaleConfig cfg, double perReplicaRate) {
        GreenScaleConfig.Recurring r = cfg.recurrence();
        return new Recurrence.Rules(r.minRise(), perReplicaRate, r.confirmations(), r.tolerance(), cfg.tick().multipliedBy(3));
    }

    /**
     * A per-replica rate sample is completions per busy replica, busy = in-flight ÷ concurrency
     * (Little's law: it holds whether or not the replicas are saturated). It is not capped at the
     * ready count: in-flight work beyond what ready replicas can hold is work waiting inside pods,
     * and counting it errs towards a lower rate, i.e. more replicas. Too little work in flight
     * says nothing about capacity, so such ticks teach nothing.
     */
    private static Ewma learnRate(GreenScaleConfig cfg, Observations obs, Ewma rate) {
        if (!cfg.queue().enabled() || cfg.queue().learnAlpha() == 0
                || !obs.fresh(Signal.COMPLETION_RATE) || !obs.fresh(Signal.IN_FLIGHT)) {
            return rate;
        }
        double completions = obs.value(Signal.COMPLETION_RATE);
        double busy = obs.value(Signal.IN_FLIGHT) / cfg.concurrencyPerReplica();
        if (busy < 0.5 || completions <= 0) {
            return rate;
        }
        double a = cfg.queue().learnAlpha();
        Instant at = obs.observedAt(Signal.COMPLETION_RATE);
        // Learning starts from the configured seed: the first samples (pods just warming up) are the noisiest.
        Ewma from = rate.isEmpty() ? new Ewma(cfg.queue().perReplicaRate(), at.minusNanos(1)) : rate;
        return from.update(completions / busy, at, a, a);
    }

    /** The measured arrival rate (sources already average it over their window), NaN when not observed. */
    double arrivalRate() {
        return rawArrivals;
    }

    /** The arrival level for steady-state sizing: smoothed (steps still jump through, see {@link Holt}), NaN when unknown. */
    double smoothedArrivalRate() {
        return Double.isNaN(rawArrivals) || !arrivals.warmedUp() ? Double.NaN : Math.max(0, arrivals.level());
    }

    /** The next burst of a recurring pattern, when one is established. */
    Optional<Recurrence.Prediction> recurrencePrediction(GreenScaleConfig cfg) {
        return cfg.recurrence().enabled() ? recurrence.prediction(recurrenceRules(cfg, perReplicaRate)) : Optional.empty();
    }

    double learnedRate() {
        return rate.isEmpty() ? Double.NaN : rate.value();
    }

    List<Duration> startingRemaining(Instant now) {
        return launches.remaining(starting, coldStart, now);
    }

    boolean idleLongEnough(GreenScaleConfig cfg, Instant now) {
        return idleSince != null && !now.isBefore(idleSince.plus(cfg.scaleToZero().idleAfter()));
    }

    GreenScaleState nextState(GreenScaleState previous, int recommendation, int sustained, int current, int desired,
                              Instant now, Duration memory) {
        return new GreenScaleState(cpu, arrivals, rate, learnedColdStart, ready, current, desired, now, launches,
                previous.recommendations().append(now, recommendation, memory),
                previous.sustainedRecommendations().append(now, sustained, memory), scaleEvents, lastScaleEvent, lastScaleUp,
                streak, idleSince, lastBacklogAt, recurrence);
    }
}
