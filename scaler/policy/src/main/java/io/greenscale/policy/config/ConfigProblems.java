package io.greenscale.policy.config;

import java.util.ArrayList;
import java.util.List;

/** Collects configuration problems so that one validation run reports all of them. */
public final class ConfigProblems {
    private final List<String> problems = new ArrayList<>();

    public void add(String path, Object value, String requirement) {
        problems.add(path + " = " + render(value) + ": " + requirement);
    }

    public void add(String message) {
        problems.add(message);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<String> list() {
        return List.copyOf(problems);
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    static String render(Object value) {
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        return String.valueOf(value);
    }
}
