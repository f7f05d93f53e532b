package io.greenscale.analysis.read;

import io.greenscale.analysis.run.RunData;
import io.greenscale.loadgen.record.LatencyLog;
import io.greenscale.loadgen.record.RunDirectory;
import io.greenscale.loadgen.record.TimeseriesRow;
import io.greenscale.policy.DecisionRecord;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Reads a run directory (the schema in docs/run-directory.md) into a {@link RunData}: simulated,
 * experiment, load-generator-only or shadow runs alike. Only {@code run.json} is required; a
 * missing {@code timeseries.csv}, {@code decisions.jsonl} or {@code latency.hlog} leaves its part
 * empty and says so in the notes, and the scorecard leaves out (or estimates) what needs it.
 */
public final class RunReader {
    private RunReader() {}

    /** @throws RunReadException when {@code dir} is not a run directory or its files cannot be parsed */
    public static ReadRun read(Path dir) {
        RunDirectory run;
        try {
            run = RunDirectory.open(dir);
        } catch (IllegalArgumentException e) {
            throw new RunReadException(dir, "not a run directory (no " + RunDirectory.RUN_JSON + ")", e);
        }
        List<String> notes = new ArrayList<>();
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        Map<String, Object> info = guarded(dir, RunDirectory.RUN_JSON, run::readRunInfo);
        List<TimeseriesRow> seconds = List.of();
        if (Files.isRegularFile(run.file(RunDirectory.TIMESERIES_CSV))) {
            seconds = guarded(dir, RunDirectory.TIMESERIES_CSV, run::readTimeseries);
        } else {
            notes.add(name + ": no " + RunDirectory.TIMESERIES_CSV + ", so no per-second, replica or cost figures");
        }
        List<DecisionRecord> decisions = List.of();
        if (Files.isRegularFile(run.file(RunDirectory.DECISIONS_JSONL))) {
            List<String> skipped = new ArrayList<>();
            decisions = guarded(dir, RunDirectory.DECISIONS_JSONL,
                    () -> DecisionLines.read(run.file(RunDirectory.DECISIONS_JSONL), name + "/" + RunDirectory.DECISIONS_JSONL, skipped));
            notes.addAll(skipped);
        }
        // Without a (readable) latency log the scorecard estimates latency from timeseries.csv, and the report says so.
        Histogram latency = new Histogram(3);
        if (Files.isRegularFile(run.file(RunDirectory.LATENCY_HLOG))) {
            try {
                LatencyLog.read(run.file(RunDirectory.LATENCY_HLOG)).forEach(latency::add);
            } catch (RuntimeException e) {
                latency.reset();
                notes.add(name + ": " + RunDirectory.LATENCY_HLOG + " is unreadable (" + firstLine(String.valueOf(e.getMessage()))
                        + "); latency figures are estimated from timeseries.csv instead");
            }
        }
        return new ReadRun(new RunData(name, info, seconds, latency, decisions), notes);
    }

    /** Reads with the file named in the error, whatever the parser threw. */
    private static <T> T guarded(Path dir, String file, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new RunReadException(dir, "cannot read " + file + ": " + firstLine(cause.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
    }
}
