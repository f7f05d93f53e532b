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
 * One completed job of {@code jobs.csv}, with the worker's own clock readings from its result
 * ({@code result:<id>}, docs/queue-protocol.md): what the calibration fits the service-time model to.
 *
 * @param startedAtMs   epoch ms the worker took the job (BLMOVE returned)
 * @param completedAtMs epoch ms it acknowledged the job
 * @param computeS      seconds the job held a compute slot, emulated slow-down included
 */
@JsonPropertyOrder({"id", "worker", "enqueued_at_ms", "started_at_ms", "completed_at_ms", "compute_s"})
public record JobRow(
        @JsonProperty("id") String id,
        @JsonProperty("worker") String worker,
        @JsonProperty("enqueued_at_ms") Long enqueuedAtMs,
        @JsonProperty("started_at_ms") long startedAtMs,
        @JsonProperty("completed_at_ms") long completedAtMs,
        @JsonProperty("compute_s") Double computeS) {

    public static final String FILE = "jobs.csv";
    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema SCHEMA = CSV.schemaFor(JobRow.class).withHeader();

    /** Seconds from pick-up to acknowledgement: how long the job held its slot, as the simulator's service time counts. */
    public double serviceSeconds() {
        return (completedAtMs - startedAtMs) / 1000.0;
    }

    static void write(Path file, List<JobRow> rows) {
        try {
            CSV.writer(SCHEMA).writeValue(file.toFile(), rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static List<JobRow> read(Path file) {
        try (MappingIterator<JobRow> it = CSV.readerFor(JobRow.class).with(SCHEMA).readValues(file.toFile())) {
            return it.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
