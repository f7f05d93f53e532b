package io.greenscale.loadgen.profile;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The same rate for the whole run. */
public record ConstantProfile(double ratePerSecond, Duration duration) implements SecondsProfile {

    public ConstantProfile {
        Seconds.requireRate(ratePerSecond, "rate");
        Seconds.requirePositive(duration, "duration");
    }

    @Override
    public double rateAtSeconds(double t) {
        return t >= 0 && t < durationSeconds() ? ratePerSecond : 0;
    }

    @Override
    public double peakRate(double fromSeconds, double toSeconds) {
        return ratePerSecond;
    }

    @Override
    public Map<String, Object> spec() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("profile", "constant");
        m.put("rate", ratePerSecond);
        m.put("duration", Seconds.format(duration));
        return m;
    }
}
