package io.greenscale.loadgen.profile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request counts per time bucket: {@code t_s,requests} rows (a bucket runs from its {@code t_s}
 * to the next row's; the last one is as wide as the one before it, or one second), or a plain
 * list of requests per second, one line per second. The rate within a bucket is its count divided
 * by its width.
 */
public final class CountTrace implements Trace, SecondsProfile {
    private final Path source;
    private final String format;
    /** starts[i] = start of bucket i in seconds; starts[n] = the end of the last bucket. */
    private final double[] starts;
    private final double[] counts;

    CountTrace(Path source, String format, double[] starts, double[] counts) {
        if (counts.length == 0 || starts.length != counts.length + 1) {
            throw new IllegalArgumentException("a count trace needs at least one bucket, and one start per bucket plus the end");
        }
        for (int i = 0; i < counts.length; i++) {
            if (!(starts[i + 1] > starts[i])) {
                throw new IllegalArgumentException("bucket starts must increase (bucket " + i + ")");
            }
            if (!(counts[i] >= 0) || Double.isInfinite(counts[i])) {
                throw new IllegalArgumentException("counts must be finite and >= 0 (bucket " + i + ")");
            }
        }
        this.source = source;
        this.format = format;
        this.starts = starts;
        this.counts = counts;
    }

    /** Requests per second, one entry per second: the plain-list format built in memory. */
    public static CountTrace perSecond(double... ratesPerSecond) {
        double[] starts = new double[ratesPerSecond.length + 1];
        Arrays.setAll(starts, i -> i);
        return new CountTrace(null, "rates", starts, ratesPerSecond.clone());
    }

    @Override
    public Path source() {
        return source;
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public List<String> columns() {
        return List.of();
    }

    @Override
    public double totalRequests() {
        return Arrays.stream(counts).sum();
    }

    public int buckets() {
        return counts.length;
    }

    public double bucketStartSeconds(int i) {
        return starts[i];
    }

    public double bucketEndSeconds(int i) {
        return starts[i + 1];
    }

    public double count(int i) {
        return counts[i];
    }

    @Override
    public Duration duration() {
        return Seconds.toDuration(starts[counts.length]);
    }

    @Override
    public double rateAtSeconds(double t) {
        int i = bucketAt(t);
        return i < 0 ? 0 : counts[i] / (starts[i + 1] - starts[i]);
    }

    @Override
    public double peakRate(double fromSeconds, double toSeconds) {
        double max = 0;
        int i = Math.max(0, bucketAt(Math.max(fromSeconds, starts[0])));
        for (; i < counts.length && starts[i] <= toSeconds; i++) {
            max = Math.max(max, counts[i] / (starts[i + 1] - starts[i]));
        }
        return max;
    }

    private int bucketAt(double t) {
        if (t < starts[0] || t >= starts[counts.length]) {
            return -1;
        }
        int i = Arrays.binarySearch(starts, t);
        return i >= 0 ? i : -i - 2;
    }

    @Override
    public Map<String, Object> spec() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("profile", "trace");
        m.put("file", source == null ? null : source.toString());
        m.put("format", format);
        m.put("buckets", counts.length);
        m.put("requests", totalRequests());
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CountTrace t && Arrays.equals(t.starts, starts) && Arrays.equals(t.counts, counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "CountTrace[" + (source == null ? "memory" : source) + ", " + counts.length + " buckets]";
    }
}
