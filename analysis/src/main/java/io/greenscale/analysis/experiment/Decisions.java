package io.greenscale.analysis.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The scaler's decision log moved onto the run's clock: each line's {@code t_s} becomes seconds
 * since the load started (the scaler counts from its own start), and only the decisions taken
 * while the workload ran are kept. Every other field is copied as the scaler wrote it.
 */
final class Decisions {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What was copied: decisions, and of them the applied scale-ups and scale-downs. */
    public record Copied(int decisions, int scaleUps, int scaleDowns) {}

    private Decisions() {}

    static Copied rebase(Path scalerLog, Path out, Instant start, double durationSeconds) {
        int decisions = 0;
        int ups = 0;
        int downs = 0;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            if (Files.isRegularFile(scalerLog)) {
                for (String line : Files.readAllLines(scalerLog)) {
                    ObjectNode d = parse(line);
                    if (d == null || !d.hasNonNull("time")) {
                        continue;
                    }
                    double t = Duration.between(start, Instant.parse(d.get("time").asText())).toMillis() / 1000.0;
                    if (t < 0 || t >= durationSeconds) {
                        continue;
                    }
                    d.put("t_s", t);
                    w.write(JSON.writeValueAsString(d));
                    w.newLine();
                    decisions++;
                    if (d.path("applied").asBoolean(false)) {
                        int current = d.path("current").asInt();
                        int desired = d.path("desired").asInt();
                        ups += desired > current ? 1 : 0;
                        downs += desired < current ? 1 : 0;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        return new Copied(decisions, ups, downs);
    }

    private static ObjectNode parse(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            return n instanceof ObjectNode o ? o : null;
        } catch (IOException e) {
            return null; // a line cut short when the scaler stopped
        }
    }
}
