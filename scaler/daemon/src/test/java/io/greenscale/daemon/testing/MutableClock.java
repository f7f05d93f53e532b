package io.greenscale.daemon.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;

/** A clock the test moves by hand. */
public final class MutableClock implements InstantSource {
    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    /** Starts at the current second, so that timestamps from real servers are close to it. */
    public static MutableClock atNow() {
        return new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @Override
    public Instant instant() {
        return now;
    }

    public Instant advance(Duration by) {
        now = now.plus(by);
        return now;
    }
}
