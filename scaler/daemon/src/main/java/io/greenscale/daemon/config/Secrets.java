package io.greenscale.daemon.config;

import io.greenscale.policy.config.ConfigNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a secret written in one of three ways: {@code password: literal},
 * {@code passwordFile: /path} (a mounted Secret; trailing newline dropped) or
 * {@code passwordEnv: VARIABLE}.
 */
final class Secrets {
    private Secrets() {}

    /** The secret under {@code key}, {@code keyFile} or {@code keyEnv}; null when none is given. */
    static String read(ConfigNode node, String key, Environment env) {
        String literal = node.string(key, null);
        String file = node.string(key + "File", null);
        String variable = node.string(key + "Env", null);
        int given = (literal != null ? 1 : 0) + (file != null ? 1 : 0) + (variable != null ? 1 : 0);
        if (given > 1) {
            node.problems().add(node.keyPath(key) + ": give only one of " + key + ", " + key + "File, " + key + "Env");
            return null;
        }
        if (file != null) {
            try {
                return Files.readString(Path.of(file)).stripTrailing();
            } catch (IOException e) {
                node.problems().add(node.keyPath(key + "File"), file, "must be a readable file (" + e.getClass().getSimpleName() + ")");
                return null;
            }
        }
        if (variable != null) {
            String value = env.get(variable);
            if (value == null) {
                node.problems().add(node.keyPath(key + "Env"), variable, "must name a set environment variable");
            }
            return value;
        }
        return literal;
    }

    /** An optional file that must exist when given. */
    static Path existingFile(ConfigNode node, String key) {
        String file = node.string(key, null);
        if (file == null) {
            return null;
        }
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            node.problems().add(node.keyPath(key), file, "must be a readable file");
            return null;
        }
        return path;
    }
}
