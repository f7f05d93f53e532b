package io.greenscale.analysis.scenario;

import io.greenscale.loadgen.profile.ArrivalStream;
import io.greenscale.loadgen.profile.Arrivals;
import io.greenscale.loadgen.profile.Profile;
import io.greenscale.loadgen.profile.Trace;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a scenario's requests come from: a profile (Poisson arrivals from the run's seed) or a
 * recorded trace (replayed with its own times and request sizes), each with rate and time scales.
 */
public sealed interface WorkloadSource {

    /** A fresh, deterministic arrival stream for {@code seed}. */
    ArrivalStream arrivals(long seed);

    /** How long the (scaled) workload runs. */
    Duration duration();

    /** The same workload with its rate multiplied by {@code rateScale} and its time by {@code timeScale}. */
    WorkloadSource scaled(double rateScale, double timeScale);

    /** The description run.json records. */
    Map<String, Object> spec();

    static WorkloadSource of(Profile profile) {
        return profile instanceof Trace t ? new TraceSource(t, 1, 1) : new ProfileSource(profile);
    }

    record ProfileSource(Profile profile) implements WorkloadSource {
        @Override
        public ArrivalStream arrivals(long seed) {
            return Arrivals.poisson(profile, seed);
        }

        @Override
        public Duration duration() {
            return profile.duration();
        }

        @Override
        public WorkloadSource scaled(double rateScale, double timeScale) {
            return rateScale == 1 && timeScale == 1 ? this : new ProfileSource(profile.scaled(rateScale, timeScale));
        }

        @Override
        public Map<String, Object> spec() {
            Map<String, Object> m = new LinkedHashMap<>(profile.spec());
            m.put("arrivals", "poisson");
            return m;
        }
    }

    record TraceSource(Trace trace, double rateScale, double timeScale) implements WorkloadSource {
        @Override
        public ArrivalStream arrivals(long seed) {
            return Arrivals.replay(trace, rateScale, timeScale, seed);
        }

        @Override
        public Duration duration() {
            return Duration.ofNanos(Math.round(trace.duration().toNanos() * timeScale));
        }

        @Override
        public WorkloadSource scaled(double rate, double time) {
            return new TraceSource(trace, rateScale * rate, timeScale * time);
        }

        @Override
        public Map<String, Object> spec() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("trace", trace.source() == null ? "bundled" : trace.source().getFileName().toString());
            m.put("format", trace.format());
            m.put("requests", trace.totalRequests());
            m.put("rate_scale", rateScale);
            m.put("time_scale", timeScale);
            return m;
        }
    }
}
