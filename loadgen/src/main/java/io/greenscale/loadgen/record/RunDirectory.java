package io.greenscale.loadgen.record;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * A run directory: the hand-off between the load generator, the simulator, the scaler's
 * decision log, the local experiment and the analyser. {@code docs/run-directory.md} is the schema.
 *
 * <pre>{@code
 * RunDirectory run = RunDirectory.create(Path.of("runs/sim-1"));
 * run.writeRunInfo(RunInfo.of(RunInfo.Kind.SIMULATION, start).seed(7));
 * try (TimeseriesCsv ts = run.createTimeseries(); LatencyLog log = run.createLatencyLog(start)) { ... }
 * run.writeSummary(summary);
 * }</pre>
 */
public final class RunDirectory {
    public static final String RUN_JSON = "run.json";
    public static final String TIMESERIES_CSV = "timeseries.csv";
    public static final String DECISIONS_JSONL = "decisions.jsonl";
    public static final String LATENCY_HLOG = "latency.hlog";
    public static final String SUMMARY_JSON = "summary.json";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path dir;

    private RunDirectory(Path dir) {
        this.dir = dir;
    }

    /** Creates the directory; refuses one that already holds a run, so no result is overwritten. */
    public static RunDirectory create(Path dir) {
        if (Files.exists(dir.resolve(RUN_JSON))) {
            throw new IllegalArgumentException(dir + " already holds a run (" + RUN_JSON + "); choose another directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run directory " + dir, e);
        }
        return new RunDirectory(dir);
    }

    /** An existing run directory, for reading. */
    public static RunDirectory open(Path dir) {
        if (!Files.isRegularFile(dir.resolve(RUN_JSON))) {
            throw new IllegalArgumentException(dir + " is not a run directory (no " + RUN_JSON + ")");
        }
        return new RunDirectory(dir);
    }

    /** {@code runs/KIND-yyyyMMdd-HHmmss} (UTC), the default place for a new run. */
    public static Path defaultPath(RunInfo.Kind kind, Instant now) {
        return Path.of("runs", kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + STAMP.format(now));
    }

    public Path path() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    /** Writes (or rewrites, e.g. with the final duration) {@code run.json}, atomically. */
    public void writeRunInfo(RunInfo info) {
        writeJson(RUN_JSON, info.asMap());
    }

    public void writeSummary(RunSummary summary) {
        writeJson(SUMMARY_JSON, summary);
    }

    public TimeseriesCsv createTimeseries() {
        return TimeseriesCsv.create(file(TIMESERIES_CSV));
    }

    public LatencyLog createLatencyLog(Instant start) {
        return LatencyLog.create(file(LATENCY_HLOG), start);
    }

    public JsonLines createDecisions() {
        return JsonLines.create(file(DECISIONS_JSONL));
    }

    public Map<String, Object> readRunInfo() {
        try {
            return Json.mapper().readValue(file(RUN_JSON).toFile(), new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file(RUN_JSON), e);
        }
    }

    public RunSummary readSummary() {
        try {
            return Json.mapper().readValue(file(SUMMARY_JSON).toFile(), RunSummary.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file(SUMMARY_JSON), e);
        }
    }

    public List<TimeseriesRow> readTimeseries() {
        return TimeseriesCsv.read(file(TIMESERIES_CSV));
    }

    private void writeJson(String name, Object value) {
        Path target = file(name);
        Path temp = file(name + ".tmp");
        try {
            Json.pretty().writeValue(temp.toFile(), value);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
