package io.greenscale.analysis.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One worker's CPU use over one second of {@code cpu.csv}, with its state then, so the calibration
 * can tell a loading worker's CPU from a serving one's.
 *
 * @param cores    CPU seconds per second
 * @param state    {@code starting}, {@code ready} or {@code terminating} at the end of the second
 */
@JsonPropertyOrder({"t_s", "worker", "state", "cores"})
public record CpuRow(@JsonProperty("t_s") long tS, @JsonProperty("worker") String worker, @JsonProperty("state") String state,
                     @JsonProperty("cores") double cores) {

    public static final String FILE = "cpu.csv";
    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema SCHEMA = CSV.schemaFor(CpuRow.class).withHeader();

    static void write(Path file, List<CpuRow> rows) {
        try {
            CSV.writer(SCHEMA).writeValue(file.toFile(), rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static List<CpuRow> read(Path file) {
        try (MappingIterator<CpuRow> it = CSV.readerFor(CpuRow.class).with(SCHEMA).readValues(file.toFile())) {
            return it.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
