package io.greenscale.analysis.compute;

import io.greenscale.analysis.run.RunData;
import io.greenscale.loadgen.record.TimeseriesRow;
import io.greenscale.policy.DecisionRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A run's scale events: its decisions that changed the replica count, or, for a run without
 * decisions, the seconds in which timeseries.csv's desired_replicas changed. A shadow run's
 * decisions were never applied, so its events are the live cluster's (timeseries, else the
 * replica counts the HPA was observed to choose).
 */
final class ScaleEvents {
    private ScaleEvents() {}

    /** Null when the run recorded neither decisions nor desired replicas. */
    static List<ScaleEvent> of(RunData run, boolean shadow) {
        if (!shadow && !run.decisions().isEmpty()) {
            return run.decisions().stream().filter(d -> d.desired() != d.current())
                    .map(d -> new ScaleEvent(d.tS(), d.current(), d.desired())).toList();
        }
        if (run.seconds().stream().anyMatch(r -> r.desiredReplicas() != null)) {
            return changes(run.seconds(), TimeseriesRow::tS, TimeseriesRow::desiredReplicas);
        }
        if (shadow && run.decisions().stream().anyMatch(d -> d.observedReplicas() != null)) {
            return changes(run.decisions(), DecisionRecord::tS, DecisionRecord::observedReplicas);
        }
        return null;
    }

    /** Sign changes between consecutive events: up then down, or down then up. */
    static long reversals(List<ScaleEvent> events) {
        long n = 0;
        for (int i = 1; i < events.size(); i++) {
            if (events.get(i).direction() != events.get(i - 1).direction()) {
                n++;
            }
        }
        return n;
    }

    /**
     * Time to react to a load step: seconds from the step to the first scale-up event at or after
     * it; null without a step or without such an event.
     */
    static Double reactSeconds(List<ScaleEvent> events, Double stepSeconds) {
        if (events == null || stepSeconds == null) {
            return null;
        }
        return events.stream().filter(e -> e.tSeconds() >= stepSeconds && e.direction() > 0)
                .findFirst().map(e -> e.tSeconds() - stepSeconds).orElse(null);
    }

    /** Every change of a value along a timeline; items without a value are skipped. */
    private static <T> List<ScaleEvent> changes(List<T> items, ToDoubleFunction<T> time, Function<T, Integer> value) {
        List<ScaleEvent> out = new ArrayList<>();
        Integer last = null;
        for (T item : items) {
            Integer now = value.apply(item);
            if (now == null) {
                continue;
            }
            if (last != null && !now.equals(last)) {
                out.add(new ScaleEvent(time.applyAsDouble(item), last, now));
            }
            last = now;
        }
        return out;
    }
}
