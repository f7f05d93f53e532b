package io.greenscale.daemon.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.greenscale.policy.DecisionRecord;
import java.io.UncheckedIOException;

/**
 * The decision-log line format (a run directory's {@code decisions.jsonl}): a {@link DecisionRecord}
 * as one line of JSON with snake_case names ({@code t_s}, {@code clamped_by}, {@code observed_replicas}).
 */
public final class DecisionJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private DecisionJson() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** One line, without the trailing newline. */
    public static String line(DecisionRecord record) {
        try {
            return MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a decision record could not be serialised", e);
        }
    }
}
