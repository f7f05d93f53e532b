package io.greenscale.daemon.conformance;

import java.time.Instant;

/**
 * The format's time convention: seconds relative to the evaluation instant {@code now = 0};
 * {@code FAR_PAST = -1000000000} is Go's zero {@code time.Time}, the same instant wherever it occurs.
 */
final class TimeBase {
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final double FAR_PAST_SECONDS = -1_000_000_000d;

    private TimeBase() {}

    static Instant at(double seconds) {
        return NOW.plusNanos(Math.round(seconds * 1e9));
    }
}
