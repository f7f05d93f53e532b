package io.greenscale.analysis.compute;

import io.greenscale.loadgen.record.TimeseriesRow;
import java.util.List;

/**
 * SLO-violation seconds: seconds whose p95 exceeded the SLO, and seconds with work waiting
 * (arrivals or a backlog) but no completion at all — a stalled queue has no p95, and must not
 * look healthy for it.
 */
final class Violations {
    private Violations() {}

    /** Null when there is no SLO, or the run measured neither p95 nor completions. */
    static Long seconds(List<TimeseriesRow> seconds, Double sloMillis) {
        if (sloMillis == null || seconds.stream().allMatch(r -> r.p95Ms() == null && r.completions() == null)) {
            return null;
        }
        return seconds.stream().filter(r -> violates(r, sloMillis)).count();
    }

    static boolean violates(TimeseriesRow r, double sloMillis) {
        return (r.p95Ms() != null && r.p95Ms() > sloMillis) || stalled(r);
    }

    static boolean stalled(TimeseriesRow r) {
        boolean workWaiting = positive(r.arrivals()) || positive(r.backlog());
        return workWaiting && r.completions() != null && r.completions() == 0;
    }

    private static boolean positive(Long v) {
        return v != null && v > 0;
    }
}
