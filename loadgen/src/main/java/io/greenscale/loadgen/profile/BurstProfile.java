package io.greenscale.loadgen.profile;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Alternating periods: {@code lowPerSecond} for {@code lowFor}, then {@code highPerSecond} for
 * {@code highFor}, repeated until {@code duration}. It starts low so that a system under test
 * settles before the first burst.
 */
public record BurstProfile(double lowPerSecond, double highPerSecond, Duration lowFor, Duration highFor, Duration duration)
        implements SecondsProfile {

    public BurstProfile {
        Seconds.requireRate(lowPerSecond, "low");
        Seconds.requireRate(highPerSecond, "high");
        Seconds.requirePositive(lowFor, "low_for");
        Seconds.requirePositive(highFor, "high_for");
        Seconds.requirePositive(duration, "duration");
    }

    @Override
    public double rateAtSeconds(double t) {
        if (t < 0 || t >= durationSeconds()) {
            return 0;
        }
        double low = Seconds.of(lowFor);
        double phase = t % (low + Seconds.of(highFor));
        return phase < low ? lowPerSecond : highPerSecond;
    }

    @Override
    public double peakRate(double fromSeconds, double toSeconds) {
        double low = Seconds.of(lowFor);
        double period = low + Seconds.of(highFor);
        double from = Math.max(0, fromSeconds);
        double to = Math.min(toSeconds, durationSeconds());
        if (to < from) {
            return 0;
        }
        // A high period overlaps [from, to] unless the whole interval lies inside one low period.
        boolean onlyLow = Math.floor(from / period) == Math.floor(to / period)
                && from % period < low && to % period < low;
        boolean onlyHigh = Math.floor(from / period) == Math.floor(to / period) && from % period >= low;
        if (onlyLow) {
            return lowPerSecond;
        }
        return onlyHigh ? highPerSecond : Math.max(lowPerSecond, highPerSecond);
    }

    @Override
    public Map<String, Object> spec() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("profile", "burst");
        m.put("low", lowPerSecond);
        m.put("high", highPerSecond);
        m.put("low_for", Seconds.format(lowFor));
        m.put("high_for", Seconds.format(highFor));
        m.put("duration", Seconds.format(duration));
        return m;
    }
}
