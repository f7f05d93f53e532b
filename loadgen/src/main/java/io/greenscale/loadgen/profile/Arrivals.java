package io.greenscale.loadgen.profile;

import java.time.Duration;

/**
 * Where arrival streams come from. Every stream is deterministic: the same profile (or trace),
 * scales and seed give the same arrivals, bit for bit.
 */
public final class Arrivals {
    /** The seed of {@link #replay(Trace, double, double)}, used only to round fractional rate scales. */
    public static final long DEFAULT_REPLAY_SEED = 0x5EEDL;

    private Arrivals() {}

    /**
     * A non-homogeneous Poisson process with the profile's rate, by thinning: candidates are drawn
     * at a local upper bound of the rate (per 100 ms window, {@link Profile#peakRate}) and kept with
     * probability {@code rate(t) / bound}, which is exact for any rate function whose bound holds.
     */
    public static ArrivalStream poisson(Profile profile, long seed) {
        return new PoissonArrivals(profile, seed);
    }

    /**
     * Evenly spaced arrivals that follow the rate: the k-th arrival comes when the integral of the
     * rate reaches {@code k - 0.5} (the rate is taken as constant over each 1 ms), so a constant
     * 100/s gives exactly 100 arrivals in every second, at 5 ms, 15 ms, ….
     */
    public static ArrivalStream uniform(Profile profile) {
        return new UniformArrivals(profile);
    }

    /** {@link #replay(Trace, double, double, long)} with {@link #DEFAULT_REPLAY_SEED}. */
    public static ArrivalStream replay(Trace trace, double rateScale, double timeScale) {
        return replay(trace, rateScale, timeScale, DEFAULT_REPLAY_SEED);
    }

    /**
     * The trace's own arrivals, scaled like {@link Profile#scaled}: every time is multiplied by
     * {@code timeScale}, and each recorded request is sent {@code rateScale} times on average —
     * {@code floor(rateScale)} copies plus one more with probability {@code rateScale - floor(rateScale)}
     * (a seeded draw), the copies spread evenly over the gap to the next request without leaving
     * their second, so per-second counts scale exactly. A whole-number
     * {@code rateScale} replays exactly, with no randomness. For count traces, each bucket gets its
     * scaled count (rounded the same way) at uniformly random, sorted times within the bucket.
     */
    public static ArrivalStream replay(Trace trace, double rateScale, double timeScale, long seed) {
        if (!(rateScale > 0) || Double.isInfinite(rateScale) || !(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("rate and time scales must be finite and > 0, were " + rateScale + ", " + timeScale);
        }
        return switch (trace) {
            case RequestTrace r -> new RequestReplay(r, rateScale, timeScale, seed);
            case CountTrace c -> new CountReplay(c, rateScale, timeScale, seed);
        };
    }

    /** The stream cut at {@code limit}: arrivals at or after it are not returned. */
    public static ArrivalStream until(ArrivalStream stream, Duration limit) {
        long limitNanos = limit.toNanos();
        return new ArrivalStream() {
            private boolean done;

            @Override
            public boolean next() {
                done = done || !stream.next() || stream.atNanos() >= limitNanos;
                return !done;
            }

            @Override
            public long atNanos() {
                return stream.atNanos();
            }

            @Override
            public int inputTokens() {
                return stream.inputTokens();
            }

            @Override
            public int outputTokens() {
                return stream.outputTokens();
            }

            @Override
            public String column(String name) {
                return stream.column(name);
            }

            @Override
            public java.util.List<String> columns() {
                return stream.columns();
            }
        };
    }
}
