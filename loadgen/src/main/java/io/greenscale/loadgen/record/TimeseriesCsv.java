package io.greenscale.loadgen.record;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes and reads {@code timeseries.csv}. The writer flushes every row, so a crashed run keeps its seconds. */
public final class TimeseriesCsv implements AutoCloseable {
    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvParser.Feature.EMPTY_STRING_AS_NULL).build();
    private static final CsvSchema SCHEMA = MAPPER.schemaFor(TimeseriesRow.class).withHeader();
    private static final CsvSchema ROWS = SCHEMA.withoutHeader();

    private final Writer out;
    private final SequenceWriter rows;

    private TimeseriesCsv(Path file) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        // The header goes out first even if no row follows (Jackson would write it with the first row).
        out.write(String.join(",", SCHEMA.getColumnNames()) + "\n");
        this.rows = MAPPER.writer(ROWS).writeValues(out);
    }

    /** Creates (or truncates) the file and writes the header. */
    public static TimeseriesCsv create(Path file) {
        try {
            TimeseriesCsv csv = new TimeseriesCsv(file);
            csv.out.flush();
            return csv;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    public void write(TimeseriesRow row) {
        try {
            rows.write(row);
            rows.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write timeseries row " + row.tS(), e);
        }
    }

    public static List<TimeseriesRow> read(Path file) {
        try (MappingIterator<TimeseriesRow> it = MAPPER.readerFor(TimeseriesRow.class).with(SCHEMA).readValues(file.toFile())) {
            return it.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            rows.close();
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
