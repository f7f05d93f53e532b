package io.greenscale.daemon.signal;

import io.greenscale.daemon.config.PromSignalSpec;
import io.greenscale.daemon.signal.SourceException.Kind;
import io.greenscale.daemon.signal.SourceException.Source;
import io.greenscale.policy.signal.Reading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a Prometheus signal spec into a query text for one target, and that query's answer into
 * the target's reading. Queries that come out the same for many targets are sent once per tick
 * (see {@link Tick#shared}); each target then picks its own series by label.
 */
public final class PromSignals {
    private PromSignals() {}

    /** What a target contributes to its queries and matches. */
    public record TargetVars(String namespace, String name, Collection<String> pods) {
    }

    /** The query text for this target, or null when it needs the pod list and the pods are unknown. */
    public static String query(PromSignalSpec spec, TargetVars vars) {
        String q = spec.query().replace("${namespace}", vars.namespace()).replace("${name}", vars.name());
        if (q.contains("${pods}")) {
            if (vars.pods() == null) {
                return null;
            }
            q = q.replace("${pods}", podsRegex(vars.pods()));
        }
        return q;
    }

    /**
     * A regex alternation of pod names, escaped for a PromQL string literal. Pod names are DNS
     * subdomains, so '.' is the only regex metacharacter they can hold. No pods gives a regex
     * that matches nothing.
     */
    static String podsRegex(Collection<String> pods) {
        if (pods.isEmpty()) {
            return "$^";
        }
        return pods.stream().sorted().map(p -> p.replace(".", "\\\\.")).collect(Collectors.joining("|"));
    }

    /** The target's reading from the query's answer; an empty or NaN answer is a typed failure. */
    public static Reading read(PromSignalSpec spec, String query, List<PromSeries> result, TargetVars vars) throws SourceException {
        List<PromSeries> matching = new ArrayList<>();
        for (PromSeries s : result) {
            if (matches(spec.match(), s.labels(), vars)) {
                matching.add(s);
            }
        }
        if (matching.isEmpty()) {
            throw new SourceException(Source.PROMETHEUS, Kind.EMPTY, "no series of " + query + " matches " + describe(spec.match(), vars)
                    + " (" + result.size() + " series in the answer)");
        }
        List<PromSeries> finite = matching.stream().filter(s -> Double.isFinite(s.value())).toList();
        if (finite.isEmpty()) {
            throw new SourceException(Source.PROMETHEUS, Kind.NAN, query + " is " + matching.getFirst().value() + " for "
                    + describe(spec.match(), vars) + " (no data in the window?)");
        }
        double value = switch (spec.aggregate()) {
            case AVG -> finite.stream().mapToDouble(PromSeries::value).average().orElseThrow();
            case SUM -> finite.stream().mapToDouble(PromSeries::value).sum();
            case MAX -> finite.stream().mapToDouble(PromSeries::value).max().orElseThrow();
            case MIN -> finite.stream().mapToDouble(PromSeries::value).min().orElseThrow();
        };
        Instant oldest = finite.stream().map(PromSeries::timestamp).min(Instant::compareTo).orElseThrow();
        return Reading.of(value, oldest);
    }

    private static boolean matches(Map<String, String> match, Map<String, String> labels, TargetVars vars) {
        for (var e : match.entrySet()) {
            String actual = labels.get(e.getKey());
            if (e.getValue().equals("${pod}")) {
                if (actual == null || vars.pods() == null || !vars.pods().contains(actual)) {
                    return false;
                }
            } else if (!expand(e.getValue(), vars).equals(actual)) {
                return false;
            }
        }
        return true;
    }

    private static String expand(String value, TargetVars vars) {
        return value.replace("${namespace}", vars.namespace()).replace("${name}", vars.name());
    }

    private static String describe(Map<String, String> match, TargetVars vars) {
        return match.entrySet().stream()
                .map(e -> e.getKey() + "=" + (e.getValue().equals("${pod}") ? "<one of " + (vars.pods() == null ? 0 : vars.pods().size()) + " pods>"
                        : "\"" + expand(e.getValue(), vars) + "\""))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
