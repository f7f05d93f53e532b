package io.greenscale.daemon.target.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The target's event log, one JSON object per line, flushed as written: {@code spawn},
 * {@code ready}, {@code unready}, {@code terminate}, {@code kill}, {@code exit} per worker and
 * {@code scale} per applied decision, each with its {@code time}. The experiment rebuilds the
 * per-second replica states and the observed cold starts from it (docs/experiment.md).
 */
final class WorkerEvents implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedWriter out;

    private WorkerEvents(BufferedWriter out) {
        this.out = out;
    }

    /** Appends to {@code file}; null gives a log that writes nothing. */
    static WorkerEvents open(Path file) throws IOException {
        if (file == null) {
            return new WorkerEvents(null);
        }
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        return new WorkerEvents(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
    }

    /** {@code fields} alternate names and values, written after {@code time} and {@code event}. */
    synchronized void write(Instant at, String event, Object... fields) {
        if (out == null) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", at.toString());
        line.put("event", event);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (fields[i + 1] != null) {
                line.put(String.valueOf(fields[i]), fields[i + 1]);
            }
        }
        try {
            out.write(JSON.writeValueAsString(line));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            // The log is a record for the analysis; losing a line must not stop the scaling.
            org.slf4j.LoggerFactory.getLogger(WorkerEvents.class).warn("cannot write the worker event log: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                // nothing left to do
            }
        }
    }
}
