package io.greenscale.loadgen.profile;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Another profile played at another speed and intensity:
 * {@code rate(t) = rateScale / timeScale × inner.rate(t / timeScale)}, lasting
 * {@code inner.duration × timeScale}. Time scaling works like fast-forward (a 0.5 plays everything
 * in half the time, so the same requests arrive twice as fast); rate scaling thins or multiplies
 * the requests. Replaying a trace with the same factors gives the same per-second counts.
 */
public record ScaledProfile(Profile inner, double rateScale, double timeScale) implements SecondsProfile {

    public ScaledProfile {
        if (!(rateScale > 0) || Double.isInfinite(rateScale)) {
            throw new IllegalArgumentException("rate scale must be > 0, was " + rateScale);
        }
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("time scale must be > 0, was " + timeScale);
        }
    }

    /** Scales {@code inner}, folding nested scalings into one and skipping the identity. */
    static Profile of(Profile inner, double rateScale, double timeScale) {
        if (rateScale == 1 && timeScale == 1) {
            return inner;
        }
        if (inner instanceof ScaledProfile s) {
            return of(s.inner, s.rateScale * rateScale, s.timeScale * timeScale);
        }
        return new ScaledProfile(inner, rateScale, timeScale);
    }

    @Override
    public Duration duration() {
        return Seconds.toDuration(inner.durationSeconds() * timeScale);
    }

    @Override
    public double rateAtSeconds(double t) {
        return rateScale / timeScale * inner.rateAtSeconds(t / timeScale);
    }

    @Override
    public double peakRate(double fromSeconds, double toSeconds) {
        return rateScale / timeScale * inner.peakRate(fromSeconds / timeScale, toSeconds / timeScale);
    }

    @Override
    public Map<String, Object> spec() {
        Map<String, Object> m = new LinkedHashMap<>(inner.spec());
        m.put("rate_scale", rateScale);
        m.put("time_scale", timeScale);
        return m;
    }
}
