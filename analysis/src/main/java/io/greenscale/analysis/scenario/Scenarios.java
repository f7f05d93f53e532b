package io.greenscale.analysis.scenario;

import java.util.List;

/** The built-in comparison suite of {@code ./greenscale compare}. */
public final class Scenarios {
    /** In report order. */
    public static final List<String> BUILT_IN = List.of(
            "load-step", "bursts", "diurnal", "flash-crowd", "scale-from-zero", "cpu-bound", "azure-llm");

    private Scenarios() {}

    public static Scenario get(String name) {
        if (!BUILT_IN.contains(name)) {
            throw new IllegalArgumentException("unknown scenario \"" + name + "\"; built-in scenarios: " + String.join(", ", BUILT_IN));
        }
        return ScenarioReader.resource(name);
    }
}
