package io.greenscale.loadgen.profile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rate levels held one after another: the classic load-step test (50/s, then 400/s at minute 2)
 * that measures how fast an autoscaler reacts.
 */
public record StepProfile(List<Step> steps) implements SecondsProfile {

    /** One level: {@code ratePerSecond} for {@code hold}. */
    public record Step(double ratePerSecond, Duration hold) {
        public Step {
            Seconds.requireRate(ratePerSecond, "rate");
            Seconds.requirePositive(hold, "hold");
        }
    }

    public StepProfile {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a step profile needs at least one step");
        }
    }

    /** {@code from} until {@code at}, then {@code to} until {@code duration}. */
    public static StepProfile of(double from, double to, Duration at, Duration duration) {
        return new StepProfile(List.of(new Step(from, at), new Step(to, duration.minus(at))));
    }

    @Override
    public Duration duration() {
        Duration d = Duration.ZERO;
        for (Step s : steps) {
            d = d.plus(s.hold());
        }
        return d;
    }

    @Override
    public double rateAtSeconds(double t) {
        if (t < 0) {
            return 0;
        }
        double end = 0;
        for (Step s : steps) {
            end += Seconds.of(s.hold());
            if (t < end) {
                return s.ratePerSecond();
            }
        }
        return 0;
    }

    @Override
    public double peakRate(double fromSeconds, double toSeconds) {
        double start = 0;
        double max = 0;
        for (Step s : steps) {
            double end = start + Seconds.of(s.hold());
            if (end > fromSeconds && start <= toSeconds) {
                max = Math.max(max, s.ratePerSecond());
            }
            start = end;
        }
        return max;
    }

    @Override
    public Map<String, Object> spec() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Step s : steps) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rate", s.ratePerSecond());
            m.put("hold", Seconds.format(s.hold()));
            list.add(m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("profile", "step");
        m.put("steps", list);
        return m;
    }
}
