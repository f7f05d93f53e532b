package io.greenscale.daemon.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a vector file: the {@code hpa-vectors/1} envelope and each vector's common fields
 * ({@code id}, {@code kind}, {@code input}, {@code expected}). Kind-specific fields are checked when
 * the vector runs.
 */
final class VectorFileReader {
    static final String SCHEMA = "hpa-vectors/1";
    private final ObjectMapper json = new ObjectMapper();

    List<Vector> read(Path file) throws MalformedVectorException {
        JsonNode root;
        try {
            root = json.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new MalformedVectorException(file, "not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        } catch (IOException e) {
            throw new MalformedVectorException(file, "cannot be read: " + e, e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedVectorException(file, null, "must be a JSON object with \"schema\" and \"vectors\"");
        }
        JsonNode schema = root.get("schema");
        if (schema == null || !SCHEMA.equals(schema.asText(null))) {
            throw new MalformedVectorException(file, null, "schema must be \"" + SCHEMA + "\", got " + schema);
        }
        JsonNode vectors = root.get("vectors");
        if (vectors == null || !vectors.isArray()) {
            throw new MalformedVectorException(file, null, "\"vectors\" must be an array");
        }
        List<Vector> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < vectors.size(); i++) {
            out.add(vector(file, vectors.get(i), i, ids));
        }
        return out;
    }

    private static Vector vector(Path file, JsonNode v, int index, Set<String> ids) throws MalformedVectorException {
        String where = "#" + index;
        if (!v.isObject()) {
            throw new MalformedVectorException(file, where, "a vector must be a JSON object");
        }
        JsonNode id = v.get("id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw new MalformedVectorException(file, where, "\"id\" must be a non-empty string");
        }
        String name = id.asText();
        if (!ids.add(name)) {
            throw new MalformedVectorException(file, name, "duplicate id (vector " + where + ")");
        }
        JsonNode kind = v.get("kind");
        if (kind == null || !kind.isTextual()) {
            throw new MalformedVectorException(file, name, "\"kind\" must be a string");
        }
        JsonNode input = v.get("input");
        if (input == null || !input.isObject()) {
            throw new MalformedVectorException(file, name, "\"input\" must be an object");
        }
        JsonNode expected = v.get("expected");
        if (expected == null || !expected.isObject()) {
            throw new MalformedVectorException(file, name, "\"expected\" must be an object");
        }
        JsonNode config = v.get("config");
        if (config == null || config.isNull()) {
            config = JsonNodeFactory.instance.objectNode();
        } else if (!config.isObject()) {
            throw new MalformedVectorException(file, name, "\"config\" must be an object or null");
        }
        JsonNode derived = v.get("derived");
        if (derived != null && !derived.isNull() && !derived.isBoolean()) {
            throw new MalformedVectorException(file, name, "\"derived\" must be true or false");
        }
        return new Vector(file, name, kind.asText(), v.get("source"), derived != null && derived.asBoolean(), config, input, expected);
    }
}
