package io.greenscale.analysis.compute;

import java.util.List;
import java.util.Map;

/**
 * One policy on one scenario over its seeds (or repeated runs).
 *
 * @param runs      the runs' names, in input order
 * @param seeds     their seeds, where known
 * @param reference true for policies that mark limits or only watch (oracle, always-max, a
 *                  shadow run's live cluster): shown, never ranked against the others
 */
public record Aggregate(String scenario, String policy, List<String> runs, List<Long> seeds, Map<Metric, Estimate> estimates,
                        boolean reference) {

    public Aggregate {
        runs = List.copyOf(runs);
        seeds = List.copyOf(seeds);
        estimates = Map.copyOf(estimates);
    }

    public Estimate get(Metric m) {
        return estimates.getOrDefault(m, Estimate.NONE);
    }

    /** Mean of a figure, null when no run had it. */
    public Double mean(Metric m) {
        return get(m).mean();
    }
}
