package io.greenscale.loadgen.profile;

import java.time.Duration;
import java.util.Map;

/**
 * A workload's intended arrival rate as a pure function of time since the start of a run, in
 * requests per second. No clock, no I/O: the load generator and the simulator evaluate the same
 * profile, so a simulated run and a real one see the same demand.
 *
 * <p>Invariants: {@code rateAt(t) >= 0} for every {@code t}, and {@code rateAt(t) == 0} for
 * {@code t >= duration()}.
 */
public interface Profile {

    /** Intended arrival rate at {@code sinceStart}, in requests per second. */
    double rateAt(Duration sinceStart);

    /** How long the profile runs; arrivals are generated in {@code [0, duration())}. */
    Duration duration();

    /**
     * {@link #rateAt(Duration)} with the time in seconds. Arrival generation calls this once per
     * candidate request, so the built-in profiles implement it without allocating.
     */
    default double rateAtSeconds(double sinceStartSeconds) {
        return rateAt(Seconds.toDuration(sinceStartSeconds));
    }

    /**
     * An upper bound on the rate over {@code [fromSeconds, toSeconds]}, used to thin a Poisson
     * process. The built-in profiles return the exact maximum; this default samples 1,001 points
     * and adds 10 % headroom, which suits smooth rate functions only.
     */
    default double peakRate(double fromSeconds, double toSeconds) {
        double max = 0;
        for (int i = 0; i <= 1000; i++) {
            max = Math.max(max, rateAtSeconds(fromSeconds + (toSeconds - fromSeconds) * i / 1000.0));
        }
        return max * 1.1;
    }

    /** {@link #duration()} in seconds. */
    default double durationSeconds() {
        return Seconds.of(duration());
    }

    /**
     * The same demand played faster or slower: time stretched by {@code timeScale} (0.5 plays it
     * in half the time, like fast-forward, so every rate doubles) and every rate multiplied by
     * {@code rateScale}. In formula: {@code rate'(t) = rateScale / timeScale × rate(t / timeScale)}.
     */
    default Profile scaled(double rateScale, double timeScale) {
        return ScaledProfile.of(this, rateScale, timeScale);
    }

    /**
     * The profile as a YAML/JSON map that {@link ProfileSpec#read} turns back into an equal
     * profile; {@code run.json} records it as the workload.
     */
    default Map<String, Object> spec() {
        return Map.of("profile", getClass().getName());
    }
}
