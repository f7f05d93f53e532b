package io.greenscale.policy.core;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Policy configurations written as YAML in tests, as users write them. */
final class Configs {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Configs() {}

    static Map<String, Object> map(String yaml) {
        try {
            Map<String, Object> m = YAML.readValue(yaml, new TypeReference<Map<String, Object>>() {});
            return m == null ? Map.of() : m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GreenScaleConfig yaml(String yaml) {
        return GreenScaleConfigReader.parse(map(yaml), "policy");
    }
}
