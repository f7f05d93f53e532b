package io.greenscale.policy.hpa.calc;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The pods of a target sorted into upstream's buckets ({@code replica_calculator.go: groupPods}).
 * Every pod is in exactly one bucket, or counted in {@code readyCount}. Name sets are sorted.
 */
public record PodGroups(int readyCount, Set<String> unready, Set<String> missing, Set<String> ignored) {

    public PodGroups {
        unready = Collections.unmodifiableSet(new TreeSet<>(unready));
        missing = Collections.unmodifiableSet(new TreeSet<>(missing));
        ignored = Collections.unmodifiableSet(new TreeSet<>(ignored));
    }
}
