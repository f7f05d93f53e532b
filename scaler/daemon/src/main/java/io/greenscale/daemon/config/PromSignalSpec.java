package io.greenscale.daemon.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A signal read from Prometheus: one instant query whose series are matched to the target by
 * label, then aggregated to one value.
 *
 * <p>The query and the match values may hold placeholders: {@code ${namespace}} and
 * {@code ${name}} (the workload), {@code ${pods}} (a regex alternation of the target's pod
 * names) and, in match values only, {@code ${pod}} (any one of the target's pods). A query with
 * no per-target placeholder is the same text for every target, so the daemon sends it once per
 * tick and each target picks its series out of the one answer.
 *
 * @param match     label name → required value; series that do not match are ignored
 * @param aggregate how several matching series become one value
 */
public record PromSignalSpec(String query, Map<String, String> match, Aggregate aggregate) {

    /** Placeholders a query may use. */
    public static final List<String> QUERY_PLACEHOLDERS = List.of("${namespace}", "${name}", "${pods}");
    /** Placeholders a match value may use. */
    public static final List<String> MATCH_PLACEHOLDERS = List.of("${namespace}", "${name}", "${pod}");

    public PromSignalSpec {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(aggregate, "aggregate");
        match = Map.copyOf(match);
    }

    /** True when the query text depends on the pod list, so it can only run after the pods are known. */
    public boolean needsPods() {
        return query.contains("${pods}") || match.containsValue("${pod}");
    }

    public enum Aggregate { AVG, SUM, MAX, MIN }
}
