package io.greenscale.policy.config;

import java.util.List;

/** Invalid configuration: every problem found, each naming the key, the value and what is allowed. */
public final class ConfigException extends RuntimeException {
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(problems.size() == 1 ? problems.getFirst()
                : problems.size() + " configuration problems:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
