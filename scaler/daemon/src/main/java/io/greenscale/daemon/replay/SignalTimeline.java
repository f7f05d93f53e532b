package io.greenscale.daemon.replay;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.greenscale.policy.signal.Signal;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A recorded signal timeline, read whole and validated before anything runs: a CSV with a
 * header, one row per observation time. {@code t_s} (seconds, increasing) is required; the signal
 * columns are optional, and an empty cell means that signal was absent at that time.
 */
public final class SignalTimeline {
    /** Column name → signal, and the factor from the column's unit to the signal's unit. */
    private static final Map<String, Column> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("queue", new Column(Signal.QUEUE_BACKLOG, 1));
        COLUMNS.put("in_flight", new Column(Signal.IN_FLIGHT, 1));
        COLUMNS.put("arrival_rate", new Column(Signal.ARRIVAL_RATE, 1));
        COLUMNS.put("completion_rate", new Column(Signal.COMPLETION_RATE, 1));
        COLUMNS.put("cpu", new Column(Signal.CPU, 1));
        COLUMNS.put("gpu", new Column(Signal.GPU, 1));
        COLUMNS.put("p95_ms", new Column(Signal.P95_LATENCY, 0.001));
        COLUMNS.put("ready", new Column(Signal.READY_REPLICAS, 1));
        COLUMNS.put("starting", new Column(Signal.STARTING_REPLICAS, 1));
    }

    private record Column(Signal signal, double toSignalUnit) {}

    /** One row: its time, the signals present in it, and the recorded replica count if the file has one. */
    public record Row(int line, double tSeconds, Map<Signal, Double> values, OptionalInt current) {}

    private final List<String> header;
    private final List<Row> rows;

    private SignalTimeline(List<String> header, List<Row> rows) {
        this.header = header;
        this.rows = rows;
    }

    public List<Row> rows() {
        return rows;
    }

    /** True when the file records the target's ready/starting pods, so replay must not assume it follows. */
    public boolean recordsReplicas() {
        return header.contains("ready") || header.contains("starting") || header.contains("current");
    }

    /** True when the file has a column for {@code signal} (its cells may still be empty). */
    public boolean hasColumnFor(Signal signal) {
        return COLUMNS.entrySet().stream().anyMatch(e -> e.getValue().signal() == signal && header.contains(e.getKey()));
    }

    /** The columns this reader understands, for help texts and error messages. */
    public static List<String> knownColumns() {
        List<String> all = new ArrayList<>(List.of("t_s", "current"));
        all.addAll(COLUMNS.keySet());
        return all;
    }

    public static SignalTimeline read(Path file) throws IOException, TimelineException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return read(reader, file.toString());
        }
    }

    static SignalTimeline read(Reader reader, String name) throws IOException, TimelineException {
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES).enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS).build();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<Row> rows = new ArrayList<>();
        List<String> header;
        MappingIterator<Map<String, String>> iterator;
        try {
            iterator = mapper.readerForMapOf(String.class).with(schema).readValues(reader);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new TimelineException(name + ": empty file or unreadable header (a header with t_s is required): " + e.getOriginalMessage());
        }
        try (MappingIterator<Map<String, String>> it = iterator) {
            header = headerOf(it, name);
            double lastT = Double.NEGATIVE_INFINITY;
            while (true) {
                Map<String, String> cells;
                int line;
                try {
                    if (!it.hasNextValue()) {
                        break;
                    }
                    // Before the row is consumed the parser stands on its first cell: that is the row's line.
                    line = it.getCurrentLocation().getLineNr();
                    cells = it.nextValue();
                } catch (IOException | RuntimeException e) {
                    throw new TimelineException(name + " line " + it.getCurrentLocation().getLineNr() + ": " + e.getMessage());
                }
                Row row = row(cells, line, name);
                if (!(row.tSeconds() > lastT)) {
                    throw new TimelineException(name + " line " + row.line() + ", column t_s: " + fmt(row.tSeconds())
                            + " is not after the previous row's " + fmt(lastT) + " (time must increase)");
                }
                lastT = row.tSeconds();
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            throw new TimelineException(name + ": no rows after the header");
        }
        return new SignalTimeline(header, rows);
    }

    private static List<String> headerOf(MappingIterator<Map<String, String>> it, String name) throws TimelineException {
        try {
            it.hasNextValue();
        } catch (IOException | RuntimeException e) {
            throw new TimelineException(name + ": empty file or unreadable header (a header with t_s is required): " + e.getMessage());
        }
        CsvSchema schema = (CsvSchema) it.getParserSchema();
        List<String> header = new ArrayList<>();
        schema.forEach(c -> header.add(c.getName()));
        if (!header.contains("t_s")) {
            throw new TimelineException(name + " line 1: the header has no t_s column (columns: " + String.join(",", header) + ")");
        }
        for (String column : header) {
            if (!column.equals("t_s") && !column.equals("current") && !COLUMNS.containsKey(column)) {
                throw new TimelineException(name + " line 1, column " + column + ": unknown column; known columns are "
                        + String.join(", ", knownColumns()));
            }
        }
        return header;
    }

    private static Row row(Map<String, String> cells, int line, String name) throws TimelineException {
        String t = cells.get("t_s");
        if (t == null || t.isBlank()) {
            throw new TimelineException(name + " line " + line + ", column t_s: empty (every row needs a time)");
        }
        double tSeconds = number(t, "t_s", line, name);
        Map<Signal, Double> values = new EnumMap<>(Signal.class);
        for (var e : COLUMNS.entrySet()) {
            String cell = cells.get(e.getKey());
            if (cell != null && !cell.isBlank()) {
                double v = number(cell, e.getKey(), line, name);
                if (v < 0) {
                    throw new TimelineException(name + " line " + line + ", column " + e.getKey() + ": " + cell + " is negative");
                }
                values.put(e.getValue().signal(), v * e.getValue().toSignalUnit());
            }
        }
        OptionalInt current = OptionalInt.empty();
        String c = cells.get("current");
        if (c != null && !c.isBlank()) {
            double v = number(c, "current", line, name);
            if (v < 0 || v != Math.rint(v)) {
                throw new TimelineException(name + " line " + line + ", column current: " + c + " is not a replica count");
            }
            current = OptionalInt.of((int) v);
        }
        return new Row(line, tSeconds, values, current);
    }

    private static double number(String cell, String column, int line, String name) throws TimelineException {
        try {
            double v = Double.parseDouble(cell);
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new TimelineException(name + " line " + line + ", column " + column + ": \"" + cell + "\" is not a number");
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Malformed timeline input; the message names the file, the line and the column. */
    public static final class TimelineException extends Exception {
        public TimelineException(String message) {
            super(message);
        }
    }
}
