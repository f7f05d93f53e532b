package io.greenscale.loadgen.profile;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code basePerSecond}, except {@code peakPerSecond} during {@code [at, at + width)}: a flash crowd. */
public record SpikeProfile(double basePerSecond, double peakPerSecond, Duration at, Duration width, Duration duration)
        implements SecondsProfile {

    public SpikeProfile {
        Seconds.requireRate(basePerSecond, "base");
        Seconds.requireRate(peakPerSecond, "peak");
        if (at == null || at.isNegative()) {
            throw new IllegalArgumentException("at must be >= 0, was " + at);
        }
        Seconds.requirePositive(width, "width");
        Seconds.requirePositive(duration, "duration");
    }

    @Override
    public double rateAtSeconds(double t) {
        if (t < 0 || t >= durationSeconds()) {
            return 0;
        }
        double start = Seconds.of(at);
        return t >= start && t < start + Seconds.of(width) ? peakPerSecond : basePerSecond;
    }

    @Override
    public double peakRate(double fromSeconds, double toSeconds) {
        double start = Seconds.of(at);
        double end = start + Seconds.of(width);
        boolean overlaps = toSeconds >= start && fromSeconds < end;
        boolean inside = fromSeconds >= start && toSeconds < end;
        if (inside) {
            return peakPerSecond;
        }
        return overlaps ? Math.max(basePerSecond, peakPerSecond) : basePerSecond;
    }

    @Override
    public Map<String, Object> spec() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("profile", "spike");
        m.put("base", basePerSecond);
        m.put("peak", peakPerSecond);
        m.put("at", Seconds.format(at));
        m.put("width", Seconds.format(width));
        m.put("duration", Seconds.format(duration));
        return m;
    }
}
