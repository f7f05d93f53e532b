package io.greenscale.app.admit;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * STARTING → READY → TERMINATING → DRAINING. Ready means warmed up (engine and model exercised once) and past the
 * emulated model-load delay, which starts when warm-up ends, and not yet draining. Readiness is
 * computed from the clock on every question, so a timeline test needs no waiting. TERMINATING (after
 * SIGTERM, for {@code --shutdown-delay}) reports not-ready but still accepts work, while load balancers
 * take the pod out; DRAINING refuses new work and lets the work in hand finish.
 */
public final class Lifecycle {

    public enum State {
        STARTING, READY, TERMINATING, DRAINING
    }

    private final InstantSource clock;
    private volatile Instant readyAt;
    private volatile boolean terminating;
    private volatile boolean draining;

    public Lifecycle(InstantSource clock) {
        this.clock = clock;
    }

    /** Warm-up finished at {@code at}; ready once {@code modelLoadDelay} more has passed. */
    public void warmedUp(Instant at, Duration modelLoadDelay) {
        readyAt = at.plus(modelLoadDelay);
    }

    /** Readiness goes false; work is still accepted. */
    public void startTerminating() {
        terminating = true;
    }

    /** New work is refused from now on. */
    public void startDraining() {
        terminating = true;
        draining = true;
    }

    public State state() {
        if (draining) {
            return State.DRAINING;
        }
        if (terminating) {
            return State.TERMINATING;
        }
        Instant r = readyAt;
        return r != null && !clock.instant().isBefore(r) ? State.READY : State.STARTING;
    }

    public boolean ready() {
        return state() == State.READY;
    }

    /** Why work is refused now, or null when it is accepted. */
    public Refused refusal() {
        return switch (state()) {
            case READY, TERMINATING -> null;
            case DRAINING -> new Refused(Refused.Why.DRAINING, "shutting down: finishing the work in hand, accepting none");
            case STARTING -> new Refused(Refused.Why.NOT_READY, readyAt == null
                    ? "warming up: the engine and model are not ready yet"
                    : "loading the model: ready in " + Duration.between(clock.instant(), readyAt).toSeconds() + " s");
        };
    }

    public InstantSource clock() {
        return clock;
    }
}
