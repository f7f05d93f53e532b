package io.greenscale.analysis.read;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.greenscale.policy.DecisionRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a decision log ({@code decisions.jsonl}, or the daemon's log file): one
 * {@link DecisionRecord} per line in snake_case. A line that is not a decision (a crash cut it
 * short, someone edited the file) is skipped and named in the notes; the others still count.
 * Writers leave nulls out, and an absent list or map reads as empty.
 */
final class DecisionLines {
    private static final ObjectReader READER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .withConfigOverride(List.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
            .withConfigOverride(Map.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
            .build()
            .readerFor(DecisionRecord.class);

    /** How many skipped lines are named one by one before the rest are only counted. */
    private static final int NAMED_SKIPS = 5;

    private DecisionLines() {}

    /** @param label how notes name the file, e.g. {@code sim-1/decisions.jsonl} */
    static List<DecisionRecord> read(Path file, String label, List<String> notes) {
        List<DecisionRecord> out = new ArrayList<>();
        int skipped = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(READER.readValue(line));
                } catch (JsonProcessingException e) {
                    if (++skipped <= NAMED_SKIPS) {
                        notes.add(label + " line " + number + " skipped: " + e.getOriginalMessage());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (skipped > NAMED_SKIPS) {
            notes.add(label + ": " + (skipped - NAMED_SKIPS) + " more malformed lines skipped");
        }
        return out;
    }
}
