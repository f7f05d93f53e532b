package io.greenscale.daemon.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One test case of a vector file (format {@code hpa-vectors/1}): which upstream function it
 * exercises ({@code kind}), with which configuration and input, and what upstream expects.
 *
 * @param config   the configuration object; a missing or null one reads as empty (all defaults)
 * @param expected the keys that must match
 */
public record Vector(Path file, String id, String kind, JsonNode source, boolean derived,
                     JsonNode config, JsonNode input, JsonNode expected) {

    public Vector {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(expected, "expected");
    }
}
