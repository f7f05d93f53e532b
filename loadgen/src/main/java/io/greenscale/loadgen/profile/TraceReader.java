package io.greenscale.loadgen.profile;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.greenscale.policy.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a trace file, telling the format from its first line:
 * <ul>
 *   <li>{@code t_ms,...} or {@code t_s,...} (without a {@code requests} column): one row per
 *       request, with any extra columns; {@code input_tokens}/{@code output_tokens} (or
 *       {@code prompt_tokens}/{@code completion_tokens}, {@code context_tokens}/{@code generated_tokens})
 *       become the request's token counts;</li>
 *   <li>{@code t_s,requests}: requests per bucket, a bucket lasting until the next row's {@code t_s};</li>
 *   <li>no header, one number per line: requests per second, one line per second.</li>
 * </ul>
 * Blank lines and lines starting with {@code #} are skipped. Times that start at one day or later
 * (epoch timestamps) are shifted so the first row is at 0. Errors name the file, the line, the
 * column and the value.
 */
public final class TraceReader {
    private static final double ONE_DAY_SECONDS = 86_400;
    private static final Set<String> INPUT_TOKENS = Set.of("input_tokens", "prompt_tokens", "context_tokens");
    private static final Set<String> OUTPUT_TOKENS = Set.of("output_tokens", "completion_tokens", "generated_tokens");

    private TraceReader() {}

    public static Trace read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(List.of("trace " + file + ": no such file"));
        }
        try (MappingIterator<String[]> rows = csv().readerFor(String[].class).readValues(file.toFile())) {
            if (!rows.hasNextValue()) {
                throw problem(file, 1, "the file holds no rows");
            }
            String[] first = rows.nextValue();
            if (allNumbers(first)) {
                return readRates(file, rows, first);
            }
            List<String> header = Arrays.stream(first).map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
            if (header.contains("requests") && header.contains("t_s")) {
                return readCounts(file, rows, header);
            }
            if (header.contains("t_ms") || header.contains("t_s")) {
                return readRequests(file, rows, header, first);
            }
            throw problem(file, 1, "header " + String.join(",", first) + " is not a trace header: expected t_ms,... "
                    + "(one row per request), t_s,requests (counts per bucket) or no header and one rate per line");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace " + file, e);
        }
    }

    private static CsvMapper csv() {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        mapper.enable(CsvParser.Feature.ALLOW_COMMENTS);
        mapper.enable(CsvParser.Feature.TRIM_SPACES);
        return mapper;
    }

    private static Trace readRates(Path file, MappingIterator<String[]> rows, String[] first) throws IOException {
        List<Double> rates = new ArrayList<>();
        String[] row = first;
        while (true) {
            int line = line(rows);
            if (row.length != 1) {
                throw problem(file, line, "a trace without a header must hold one number per line (requests per second), found "
                        + row.length + " columns");
            }
            rates.add(number(file, line, "rate", row[0]));
            if (!rows.hasNextValue()) {
                break;
            }
            row = rows.nextValue();
        }
        double[] starts = new double[rates.size() + 1];
        Arrays.setAll(starts, i -> i);
        return new CountTrace(file, "rates", starts, rates.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static Trace readCounts(Path file, MappingIterator<String[]> rows, List<String> header) throws IOException {
        int tCol = header.indexOf("t_s");
        int nCol = header.indexOf("requests");
        List<double[]> buckets = new ArrayList<>();
        while (rows.hasNextValue()) {
            String[] row = rows.nextValue();
            int line = line(rows);
            double t = number(file, line, "t_s", cell(file, line, row, tCol, header));
            double n = number(file, line, "requests", cell(file, line, row, nCol, header));
            if (!buckets.isEmpty() && t <= buckets.getLast()[0]) {
                throw problem(file, line, "t_s = " + t + ": must be greater than the row before (" + buckets.getLast()[0] + ")");
            }
            buckets.add(new double[] {t, n});
        }
        if (buckets.isEmpty()) {
            throw problem(file, 2, "the trace holds a header but no rows");
        }
        double shift = buckets.getFirst()[0] >= ONE_DAY_SECONDS ? buckets.getFirst()[0] : 0;
        int n = buckets.size();
        double[] starts = new double[n + 1];
        double[] counts = new double[n];
        for (int i = 0; i < n; i++) {
            starts[i] = buckets.get(i)[0] - shift;
            counts[i] = buckets.get(i)[1];
        }
        double lastWidth = n > 1 ? starts[n - 1] - starts[n - 2] : 1;
        starts[n] = starts[n - 1] + lastWidth;
        return new CountTrace(file, "counts", starts, counts);
    }

    private static Trace readRequests(Path file, MappingIterator<String[]> rows, List<String> header, String[] rawHeader)
            throws IOException {
        boolean millis = header.contains("t_ms");
        int tCol = header.indexOf(millis ? "t_ms" : "t_s");
        int inCol = indexOfAny(header, INPUT_TOKENS);
        int outCol = indexOfAny(header, OUTPUT_TOKENS);
        List<String> columns = new ArrayList<>();
        for (String h : rawHeader) {
            columns.add(h.trim());
        }
        long[] times = new long[1024];
        int[] in = inCol < 0 ? null : new int[1024];
        int[] out = outCol < 0 ? null : new int[1024];
        List<String[]> cells = new ArrayList<>();
        int n = 0;
        while (rows.hasNextValue()) {
            String[] row = rows.nextValue();
            int line = line(rows);
            double t = number(file, line, header.get(tCol), cell(file, line, row, tCol, header));
            long nanos = Math.round(t * (millis ? 1e6 : 1e9));
            if (n > 0 && nanos < times[n - 1]) {
                throw problem(file, line, header.get(tCol) + " = " + row[tCol].trim()
                        + ": earlier than the row before; a per-request trace must be in time order");
            }
            if (n == times.length) {
                times = Arrays.copyOf(times, n * 2);
                in = in == null ? null : Arrays.copyOf(in, n * 2);
                out = out == null ? null : Arrays.copyOf(out, n * 2);
            }
            times[n] = nanos;
            if (in != null) {
                in[n] = tokens(file, line, header.get(inCol), cell(file, line, row, inCol, header));
            }
            if (out != null) {
                out[n] = tokens(file, line, header.get(outCol), cell(file, line, row, outCol, header));
            }
            cells.add(row.length == columns.size() ? row : Arrays.copyOf(row, columns.size()));
            n++;
        }
        if (n == 0) {
            throw problem(file, 2, "the trace holds a header but no rows");
        }
        long shift = times[0] >= (long) (ONE_DAY_SECONDS * 1e9) ? times[0] : 0;
        long[] at = new long[n];
        for (int i = 0; i < n; i++) {
            at[i] = times[i] - shift;
        }
        return new RequestTrace(file, at, in == null ? null : Arrays.copyOf(in, n), out == null ? null : Arrays.copyOf(out, n),
                columns, cells);
    }

    private static int indexOfAny(List<String> header, Set<String> names) {
        for (int i = 0; i < header.size(); i++) {
            if (names.contains(header.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String cell(Path file, int line, String[] row, int column, List<String> header) {
        if (column >= row.length) {
            throw problem(file, line, header.get(column) + " is missing (the row has " + row.length + " columns)");
        }
        return row[column];
    }

    private static double number(Path file, int line, String column, String text) {
        try {
            double v = Double.parseDouble(text.trim());
            if (v >= 0 && !Double.isInfinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw problem(file, line, column + " = \"" + text + "\": must be a number >= 0");
    }

    private static int tokens(Path file, int line, String column, String text) {
        if (text == null || text.isBlank()) {
            return -1;
        }
        try {
            int v = Integer.parseInt(text.trim());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw problem(file, line, column + " = \"" + text + "\": must be a whole number >= 0 (or blank)");
    }

    private static boolean allNumbers(String[] row) {
        for (String s : row) {
            try {
                Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return row.length > 0;
    }

    /** The line of the row just read (1-based). */
    private static int line(MappingIterator<String[]> rows) {
        return rows.getParser().currentTokenLocation().getLineNr();
    }

    private static ConfigException problem(Path file, int line, String message) {
        return new ConfigException(List.of("trace " + file + " line " + line + ": " + message));
    }
}
