package io.greenscale.loadgen.profile;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A linear change of rate from {@code fromPerSecond} at the start to {@code toPerSecond} at the end. */
public record RampProfile(double fromPerSecond, double toPerSecond, Duration duration) implements SecondsProfile {

    public RampProfile {
        Seconds.requireRate(fromPerSecond, "from");
        Seconds.requireRate(toPerSecond, "to");
        Seconds.requirePositive(duration, "duration");
    }

    @Override
    public double rateAtSeconds(double t) {
        double end = durationSeconds();
        if (t < 0 || t >= end) {
            return 0;
        }
        return fromPerSecond + (toPerSecond - fromPerSecond) * (t / end);
    }

    @Override
    public double peakRate(double fromSeconds, double toSeconds) {
        // Linear, so the maximum over an interval is at one of its ends (clamped to the ramp).
        double end = durationSeconds();
        double a = Math.clamp(fromSeconds, 0, end);
        double b = Math.clamp(toSeconds, 0, end);
        return Math.max(value(a, end), value(b, end));
    }

    private double value(double t, double end) {
        return fromPerSecond + (toPerSecond - fromPerSecond) * (t / end);
    }

    @Override
    public Map<String, Object> spec() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("profile", "ramp");
        m.put("from", fromPerSecond);
        m.put("to", toPerSecond);
        m.put("duration", Seconds.format(duration));
        return m;
    }
}
