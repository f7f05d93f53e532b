package io.greenscale.app.queue;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenscale.app.work.InvalidWork;
import io.greenscale.app.work.Work;
import io.greenscale.app.work.WorkParser;
import java.util.OptionalLong;

/**
 * Raw job text → {@link Job}, or {@link MalformedJob} saying why not: not JSON, no id, unknown kind,
 * out-of-range size. The size rules are the HTTP endpoints' ({@link WorkParser}).
 */
public final class JobParser {
    private final ObjectMapper json;
    private final WorkParser work;

    public JobParser(ObjectMapper json, WorkParser work) {
        this.json = json;
        this.work = work;
    }

    public Job parse(String raw) {
        JsonNode node;
        try {
            node = json.readTree(raw);
        } catch (JacksonException e) {
            throw new MalformedJob("not JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode fields)) {
            throw new MalformedJob("a job must be a JSON object, not " + (node == null ? "nothing" : node.getNodeType().name().toLowerCase()));
        }
        JsonNode id = fields.get("id");
        if (id == null || !(id.isTextual() || id.isIntegralNumber()) || id.asText().isBlank()) {
            throw new MalformedJob("id: is required (a non-empty string)");
        }
        JsonNode kind = fields.get("kind");
        String k = kind == null ? null : kind.asText();
        Work w;
        try {
            w = switch (k == null ? "" : k) {
                case "matmul" -> work.matmul(fields, null);
                case "infer" -> work.infer(fields, null);
                default -> throw new MalformedJob("kind = " + (kind == null ? "missing" : kind.toString()) + ": must be matmul or infer");
            };
        } catch (InvalidWork e) {
            throw new MalformedJob(e.getMessage());
        }
        JsonNode at = fields.get("enqueued_at_ms");
        OptionalLong enqueuedAt = at != null && at.isNumber() ? OptionalLong.of(at.asLong()) : OptionalLong.empty();
        return new Job(raw, id.asText(), k, w, enqueuedAt, fields);
    }
}
