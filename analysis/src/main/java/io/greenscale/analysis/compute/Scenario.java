package io.greenscale.analysis.compute;

import java.util.List;

/**
 * A scenario as the report shows it: what run.json says about it (from its first run).
 *
 * @param name        the grouping key ({@link Scorecard#scenarioLabel()})
 * @param title       a human title, the name where run.json has none
 * @param description null where run.json has none
 * @param sloP95Millis the latency SLO, null when the scenario's runs have none
 */
public record Scenario(String name, String title, String description, Double sloP95Millis, List<RunFacts.Event> events) {
    public Scenario {
        events = List.copyOf(events);
    }
}
