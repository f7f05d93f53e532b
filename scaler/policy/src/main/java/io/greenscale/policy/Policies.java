package io.greenscale.policy;

import io.greenscale.policy.config.ConfigNode;
import io.greenscale.policy.config.ConfigProblems;
import io.greenscale.policy.config.ConfigException;
import io.greenscale.policy.core.GreenScaleConfigReader;
import io.greenscale.policy.core.GreenScalePolicy;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Policy} from a configuration section: {@code type: greenscale} (the default),
 * {@code hpa} or {@code keda}, plus that type's keys.
 */
public final class Policies {
    private Policies() {}

    /** The policy described by {@code node}; problems are recorded in the node's {@link ConfigProblems}. */
    public static Policy fromConfig(ConfigNode node) {
        String type = node.string("type", "greenscale");
        return switch (type) {
            case "greenscale" -> new GreenScalePolicy(GreenScaleConfigReader.read(node), node.string("name", "greenscale"));
            default -> {
                node.problems().add(node.keyPath("type"), type, "must be one of " + String.join(", ", types()));
                yield null;
            }
        };
    }

    /** Parses a whole policy section and throws {@link ConfigException} listing every problem. */
    public static Policy fromMap(Map<String, ?> section, String path) {
        ConfigProblems problems = new ConfigProblems();
        ConfigNode node = ConfigNode.root(section, path, problems);
        Policy policy = fromConfig(node);
        node.finish();
        problems.throwIfAny();
        return policy;
    }

    public static List<String> types() {
        return List.of("greenscale", "hpa", "keda");
    }
}
