package io.greenscale.analysis.experiment;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.greenscale.policy.config.ConfigException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A policy YAML: the section at the top level, or under a single {@code policy:} key (as {@code simulate --policy FILE} reads it). */
final class PolicyFileSection {
    private PolicyFileSection() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Path file) {
        try {
            Map<String, Object> root = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), new TypeReference<Map<String, Object>>() {});
            if (root == null) {
                return Map.of();
            }
            return root.size() == 1 && root.get("policy") instanceof Map<?, ?> p ? (Map<String, Object>) p : root;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new ConfigException(List.of(file + ": not valid YAML: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ConfigException(List.of(file + ": " + e.getMessage()));
        }
    }
}
