package io.greenscale.loadgen.profile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Segments played one after another; each segment sees time since its own start. */
public final class ChainProfile implements SecondsProfile {
    private final List<Profile> segments;
    /** starts[i] = start of segment i in seconds; starts[n] = the total duration. */
    private final double[] starts;

    public ChainProfile(List<? extends Profile> segments) {
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a chain needs at least one segment");
        }
        this.segments = List.copyOf(segments);
        this.starts = new double[segments.size() + 1];
        for (int i = 0; i < segments.size(); i++) {
            starts[i + 1] = starts[i] + segments.get(i).durationSeconds();
        }
    }

    public List<Profile> segments() {
        return segments;
    }

    @Override
    public Duration duration() {
        Duration d = Duration.ZERO;
        for (Profile p : segments) {
            d = d.plus(p.duration());
        }
        return d;
    }

    @Override
    public double rateAtSeconds(double t) {
        int i = segmentAt(t);
        return i < 0 ? 0 : segments.get(i).rateAtSeconds(t - starts[i]);
    }

    @Override
    public double peakRate(double fromSeconds, double toSeconds) {
        double max = 0;
        for (int i = 0; i < segments.size(); i++) {
            if (starts[i + 1] > fromSeconds && starts[i] <= toSeconds) {
                double from = Math.max(fromSeconds, starts[i]) - starts[i];
                double to = Math.min(toSeconds, starts[i + 1]) - starts[i];
                max = Math.max(max, segments.get(i).peakRate(from, to));
            }
        }
        return max;
    }

    /** The segment holding {@code t}, or -1 outside the chain. */
    private int segmentAt(double t) {
        if (t < 0 || t >= starts[starts.length - 1]) {
            return -1;
        }
        int i = Arrays.binarySearch(starts, t);
        return i >= 0 ? i : -i - 2;
    }

    @Override
    public Map<String, Object> spec() {
        List<Map<String, Object>> list = new ArrayList<>();
        segments.forEach(s -> list.add(s.spec()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("profile", "chain");
        m.put("segments", list);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChainProfile c && c.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    @Override
    public String toString() {
        return "ChainProfile" + segments;
    }
}
