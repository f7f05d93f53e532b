package io.greenscale.analysis.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of the local target's event log ({@code workers/events.jsonl}, docs/experiment.md):
 * {@code spawn}, {@code ready}, {@code unready}, {@code terminate}, {@code kill}, {@code exit} of a
 * worker, or {@code scale} of the target.
 *
 * @param decidedAt a {@code scale}: the tick whose decision it applied; null for the initial and shutdown scales
 */
public record WorkerEvent(Instant time, String event, String worker, Long pid, Integer from, Integer to, Integer exitCode,
                          Boolean asked, Instant decidedAt) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Every whole line of the log, in file order. A line cut short (the scaler is still writing,
     * or died mid-line) is skipped: the log is read while it grows.
     */
    public static List<WorkerEvent> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<WorkerEvent> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(of(JSON.readTree(line)));
                } catch (IOException | RuntimeException partial) {
                    // a line being written, or cut by a crash
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out;
    }

    static WorkerEvent of(JsonNode n) {
        return new WorkerEvent(Instant.parse(n.get("time").asText()), n.get("event").asText(), text(n, "worker"),
                n.hasNonNull("pid") ? n.get("pid").asLong() : null, integer(n, "from"), integer(n, "to"), integer(n, "exit_code"),
                n.hasNonNull("asked") ? n.get("asked").asBoolean() : null,
                n.hasNonNull("decided_at") ? Instant.parse(n.get("decided_at").asText()) : null);
    }

    private static String text(JsonNode n, String key) {
        return n.hasNonNull(key) ? n.get(key).asText() : null;
    }

    private static Integer integer(JsonNode n, String key) {
        return n.hasNonNull(key) ? n.get(key).asInt() : null;
    }
}
