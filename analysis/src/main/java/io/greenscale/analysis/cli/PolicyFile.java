package io.greenscale.analysis.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.greenscale.policy.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A policy YAML file: a policy section at the top level, or under a single {@code policy:} key. */
final class PolicyFile {
    private PolicyFile() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> section(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(List.of(file + ": no such file"));
        }
        try {
            if (Files.readString(file).isBlank()) {
                return Map.of();
            }
            Map<String, Object> root = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), new TypeReference<Map<String, Object>>() {});
            if (root == null) {
                return Map.of();
            }
            if (root.size() == 1 && root.get("policy") instanceof Map<?, ?> p) {
                return (Map<String, Object>) p;
            }
            return root;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new ConfigException(List.of(file + ": not valid YAML: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ConfigException(List.of(file + ": " + e.getMessage()));
        }
    }
}
