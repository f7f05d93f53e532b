package io.greenscale.daemon.observe;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Liveness and readiness. Live while the loop keeps ticking (a loop stuck longer than three
 * ticks is not); ready once the first tick has completed, until shutdown begins. A follower is
 * ready too: it decides in dry-run and takes over when the leader goes.
 */
public final class Health {
    private final InstantSource clock;
    private final Duration tick;
    private final Instant started;
    private volatile Instant lastTick;
    private volatile boolean stopping;

    public Health(InstantSource clock, Duration tick) {
        this.clock = clock;
        this.tick = tick;
        this.started = clock.instant();
    }

    public void ticked(Instant at) {
        lastTick = at;
    }

    public void stopping() {
        stopping = true;
    }

    public record Status(boolean ok, String detail) {
    }

    public Status liveness() {
        Instant now = clock.instant();
        Duration allowed = tick.multipliedBy(3).plusSeconds(30);
        Instant since = lastTick == null ? started : lastTick;
        if (Duration.between(since, now).compareTo(allowed) > 0) {
            return new Status(false, "no tick completed since " + since + " (allowed: " + allowed.toSeconds() + " s)");
        }
        return new Status(true, lastTick == null ? "starting" : "last tick at " + lastTick);
    }

    public Status readiness() {
        if (stopping) {
            return new Status(false, "shutting down");
        }
        if (lastTick == null) {
            return new Status(false, "the first tick has not completed yet");
        }
        return new Status(true, "last tick at " + lastTick);
    }
}
