package io.greenscale.loadgen.profile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row per request: its time since the start of the trace and its extra columns (token counts
 * and anything else a body template may use). As a profile, its rate in each whole second is the
 * number of requests recorded in that second.
 */
public final class RequestTrace implements Trace, SecondsProfile {
    private final Path source;
    private final long[] atNanos;
    private final int[] inputTokens;
    private final int[] outputTokens;
    private final List<String> columns;
    private final Map<String, Integer> columnIndex = new HashMap<>();
    private final List<String[]> cells;
    private final int[] perSecond;

    /**
     * @param atNanos      request times since the start, non-decreasing, in nanoseconds
     * @param inputTokens  per request, or null when the trace has no such column (-1 = blank cell)
     * @param outputTokens per request, or null when the trace has no such column
     * @param columns      names of the extra columns; {@code cells.get(i)[c]} is request i's value of column c
     */
    RequestTrace(Path source, long[] atNanos, int[] inputTokens, int[] outputTokens, List<String> columns, List<String[]> cells) {
        if (atNanos.length == 0) {
            throw new IllegalArgumentException("a trace needs at least one request");
        }
        for (int i = 1; i < atNanos.length; i++) {
            if (atNanos[i] < atNanos[i - 1]) {
                throw new IllegalArgumentException("request times must not decrease (request " + i + ")");
            }
        }
        this.source = source;
        this.atNanos = atNanos;
        this.inputTokens = inputTokens;
        this.outputTokens = outputTokens;
        this.columns = List.copyOf(columns);
        this.cells = cells;
        for (int c = 0; c < columns.size(); c++) {
            columnIndex.put(columns.get(c), c);
        }
        this.perSecond = new int[(int) (atNanos[atNanos.length - 1] / 1_000_000_000L) + 1];
        for (long t : atNanos) {
            perSecond[(int) (t / 1_000_000_000L)]++;
        }
    }

    /** A trace of bare request times (no columns), for tests and generated workloads. */
    public static RequestTrace ofTimes(long... atNanos) {
        return new RequestTrace(null, atNanos.clone(), null, null, List.of(), List.of());
    }

    @Override
    public Path source() {
        return source;
    }

    @Override
    public String format() {
        return "requests";
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public double totalRequests() {
        return atNanos.length;
    }

    public int size() {
        return atNanos.length;
    }

    public long atNanos(int i) {
        return atNanos[i];
    }

    /** -1 when the trace has no input-token column or the cell is blank. */
    public int inputTokens(int i) {
        return inputTokens == null ? -1 : inputTokens[i];
    }

    public int outputTokens(int i) {
        return outputTokens == null ? -1 : outputTokens[i];
    }

    /** Index of a column for {@link #cell}, or -1. */
    public int columnIndex(String name) {
        return columnIndex.getOrDefault(name, -1);
    }

    public String cell(int row, int column) {
        return column < 0 || cells.isEmpty() ? null : cells.get(row)[column];
    }

    /** Requests recorded in each whole second of the trace. */
    public int[] countsPerSecond() {
        return perSecond.clone();
    }

    @Override
    public Duration duration() {
        return Duration.ofSeconds(perSecond.length);
    }

    @Override
    public double rateAtSeconds(double t) {
        return t < 0 || t >= perSecond.length ? 0 : perSecond[(int) t];
    }

    @Override
    public double peakRate(double fromSeconds, double toSeconds) {
        int from = (int) Math.max(0, Math.floor(fromSeconds));
        int to = (int) Math.min(perSecond.length - 1, Math.floor(toSeconds));
        int max = 0;
        for (int s = from; s <= to; s++) {
            max = Math.max(max, perSecond[s]);
        }
        return max;
    }

    @Override
    public Map<String, Object> spec() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("profile", "trace");
        m.put("file", source == null ? null : source.toString());
        m.put("format", format());
        m.put("requests", atNanos.length);
        m.put("columns", columns);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestTrace t && Arrays.equals(t.atNanos, atNanos) && t.columns.equals(columns)
                && Arrays.equals(t.inputTokens, inputTokens) && Arrays.equals(t.outputTokens, outputTokens);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(atNanos);
    }

    @Override
    public String toString() {
        return "RequestTrace[" + (source == null ? "memory" : source) + ", " + atNanos.length + " requests]";
    }
}
