package io.greenscale.loadgen.profile;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code mean + amplitude × sin(2π (t + phase) / period)}: a smooth daily (diurnal) or hourly
 * cycle. {@code amplitude <= mean}, so the rate never goes below zero.
 */
public record SineProfile(double meanPerSecond, double amplitudePerSecond, Duration period, Duration phase, Duration duration)
        implements SecondsProfile {

    public SineProfile {
        Seconds.requireRate(meanPerSecond, "mean");
        Seconds.requireRate(amplitudePerSecond, "amplitude");
        if (amplitudePerSecond > meanPerSecond) {
            throw new IllegalArgumentException("amplitude " + amplitudePerSecond + " must be <= mean " + meanPerSecond);
        }
        Seconds.requirePositive(period, "period");
        Seconds.requirePositive(duration, "duration");
        phase = phase == null ? Duration.ZERO : phase;
    }

    /**
     * A day-shaped cycle between {@code minPerSecond} and {@code maxPerSecond} that peaks at
     * {@code peakAt} into each period (e.g. 14h into 24h).
     */
    public static SineProfile diurnal(double minPerSecond, double maxPerSecond, Duration period, Duration peakAt, Duration duration) {
        // sin peaks where (t + phase) / period = 1/4, so phase = period/4 - peakAt (mod period).
        long p = period.toNanos();
        long phase = Math.floorMod(p / 4 - peakAt.toNanos(), p);
        return new SineProfile((minPerSecond + maxPerSecond) / 2, (maxPerSecond - minPerSecond) / 2, period,
                Duration.ofNanos(phase), duration);
    }

    @Override
    public double rateAtSeconds(double t) {
        if (t < 0 || t >= durationSeconds()) {
            return 0;
        }
        return Math.max(0, value(t));
    }

    private double value(double t) {
        return meanPerSecond + amplitudePerSecond * Math.sin(2 * Math.PI * (t + Seconds.of(phase)) / Seconds.of(period));
    }

    @Override
    public double peakRate(double fromSeconds, double toSeconds) {
        double p = Seconds.of(period);
        // A crest lies at t = p/4 - phase + k·p; if one falls inside, the peak is mean + amplitude.
        double firstCrest = p / 4 - Seconds.of(phase);
        double k = Math.ceil((fromSeconds - firstCrest) / p);
        if (firstCrest + k * p <= toSeconds) {
            return meanPerSecond + amplitudePerSecond;
        }
        return Math.max(value(fromSeconds), value(toSeconds));
    }

    @Override
    public Map<String, Object> spec() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("profile", "sine");
        m.put("mean", meanPerSecond);
        m.put("amplitude", amplitudePerSecond);
        m.put("period", Seconds.format(period));
        m.put("phase", Seconds.format(phase));
        m.put("duration", Seconds.format(duration));
        return m;
    }
}
