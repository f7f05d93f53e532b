package io.greenscale.app.config;

import java.util.List;

/** The settings are invalid; every problem names the option or variable, the value and what is allowed. */
public final class SettingsException extends RuntimeException {
    private final List<String> problems;

    public SettingsException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
