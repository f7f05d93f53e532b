package io.greenscale.policy.signal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Load that comes back on a schedule — a cron-driven batch, an hourly upload — learned from the
 * onsets of the arrival level. An onset is a rise to at least {@code minRise} × the baseline (a slow
 * average of the level between bursts) and by at least one replica's worth; the burst lasts until the
 * level falls back halfway to the baseline, and the next onset can only come once the level has been
 * back near the baseline (within half the rise), so the tail of a burst is not taken for a new one. Onsets whose last {@code confirmations} intervals agree
 * within the tolerance predict the next one, so capacity can be ready when it comes rather than one
 * cold start after. A predicted onset that does not come within the tolerance forgets the pattern:
 * it has to be seen again from the start.
 *
 * <p>A pattern needs {@code confirmations + 1} onsets: with the default of two, a burst seen twice a
 * period apart is a coincidence, three times a schedule. A smooth daily cycle has no onsets: the
 * baseline follows it.
 *
 * @param baseline slow average of the arrival level outside bursts; NaN before the first observation
 * @param high     whether the level is in a burst
 * @param armed    whether the level has been back near the baseline since the last burst
 * @param peak     highest level of the current burst, or of the last one while between bursts
 * @param peakPerReplicaRate jobs per second one replica completed when the level peaked (learned under
 *                 load, so a better guide for the next burst than what a lightly loaded service teaches)
 * @param onsets   the most recent onsets, oldest first
 * @param endedAt  when the last burst ended (its level fell back halfway), or null
 */
public record Recurrence(double baseline, boolean high, boolean armed, double peak, double peakPerReplicaRate, List<Instant> onsets,
                         Instant endedAt) {

    public static final Recurrence EMPTY = new Recurrence(Double.NaN, false, true, 0, Double.NaN, List.of(), null);
    /** Weight of each between-burst level in the baseline: it follows a slow cycle, not a burst. */
    private static final double BASELINE_ALPHA = 0.1;

    public Recurrence {
        onsets = List.copyOf(onsets);
    }

    /**
     * What counts as an onset and as a schedule.
     *
     * @param minRise       an onset lifts the level to at least this multiple of the baseline (&gt; 1)
     * @param perReplicaRate jobs per second one replica completes, as learned now: an onset adds at least that
     * @param confirmations intervals that must agree before an onset is predicted (&gt;= 1)
     * @param tolerance     intervals agree within this fraction of the period …
     * @param minTolerance  … or within this, whichever is longer (the measurement's own jitter)
     */
    public record Rules(double minRise, double perReplicaRate, int confirmations, double tolerance, Duration minTolerance) {}

    /**
     * The next onset, expected at {@code next ± tolerance}.
     *
     * @param seen how many onsets the pattern rests on
     * @param peak the level the last burst reached
     * @param peakPerReplicaRate jobs per second one replica completed then
     */
    public record Prediction(Instant next, Duration period, Duration tolerance, int seen, double peak, double peakPerReplicaRate) {}

    /** Takes in the arrival level observed at {@code at}. */
    public Recurrence observe(double level, Instant at, Rules rules) {
        if (Double.isNaN(level)) {
            return this;
        }
        if (Double.isNaN(baseline)) {
            return new Recurrence(level, false, true, 0, Double.NaN, List.of(), null);
        }
        List<Instant> kept = onsets;
        Optional<Prediction> expected = prediction(rules);
        if (!high && expected.isPresent() && at.isAfter(expected.get().next().plus(expected.get().tolerance()))) {
            kept = List.of(); // the predicted onset did not come: the schedule is not trusted any more
        }
        if (high) {
            boolean higher = level > peak;
            double top = higher ? level : peak;
            boolean over = level <= baseline + (top - baseline) / 2;
            return new Recurrence(baseline, !over, false, top, higher ? rules.perReplicaRate() : peakPerReplicaRate, kept,
                    over ? at : endedAt);
        }
        if (armed && level >= baseline * rules.minRise() && level - baseline >= rules.perReplicaRate()) {
            List<Instant> next = new ArrayList<>(kept.size() + 1);
            next.addAll(kept);
            next.add(at);
            int keep = rules.confirmations() + 1;
            return new Recurrence(baseline, true, false, level, rules.perReplicaRate(),
                    next.size() > keep ? next.subList(next.size() - keep, next.size()) : next, endedAt);
        }
        boolean near = level <= baseline * (1 + (rules.minRise() - 1) / 2);
        return new Recurrence(baseline + BASELINE_ALPHA * (level - baseline), false, armed || near, peak, peakPerReplicaRate, kept,
                endedAt);
    }

    /** The next onset when the last {@code confirmations} intervals agree; empty otherwise. */
    public Optional<Prediction> prediction(Rules rules) {
        int n = onsets.size();
        int intervals = rules.confirmations();
        if (n < intervals + 1) {
            return Optional.empty();
        }
        long[] nanos = new long[intervals];
        long sum = 0;
        for (int i = 0; i < intervals; i++) {
            nanos[i] = Duration.between(onsets.get(n - intervals - 1 + i), onsets.get(n - intervals + i)).toNanos();
            sum += nanos[i];
        }
        long period = sum / intervals;
        long tolerance = Math.max(rules.minTolerance().toNanos(), Math.round(period * rules.tolerance()));
        for (long interval : nanos) {
            if (Math.abs(interval - period) > tolerance) {
                return Optional.empty();
            }
        }
        Instant last = onsets.get(n - 1);
        return Optional.of(new Prediction(last.plusNanos(period), Duration.ofNanos(period), Duration.ofNanos(tolerance), n, peak,
                peakPerReplicaRate));
    }
}
