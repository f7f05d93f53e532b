package io.greenscale.policy.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pods this policy asked for that are not ready yet, as (when asked, how many), oldest first.
 * Pods become ready roughly in the order they were asked for, so a rise in the ready count
 * retires the oldest launches (and each retired pod's age is a cold-start sample), and a
 * starting count below the pending total retires the newest (a scale-down removes not-ready
 * pods first). What remains gives each starting pod its expected time to readiness.
 */
public final class Launches {
    static final Launches NONE = new Launches(new long[0], new int[0]);

    private final long[] atMillis;
    private final int[] counts;

    private Launches(long[] atMillis, int[] counts) {
        this.atMillis = atMillis;
        this.counts = counts;
    }

    int pending() {
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        return n;
    }

    Launches add(Instant at, int count) {
        long[] t = Arrays.copyOf(atMillis, atMillis.length + 1);
        int[] c = Arrays.copyOf(counts, counts.length + 1);
        t[t.length - 1] = at.toEpochMilli();
        c[c.length - 1] = count;
        return new Launches(t, c);
    }

    /** Result of retiring the oldest pods: what is left, and each retired pod's age in seconds. */
    record Retired(Launches remaining, double[] agesSeconds) {}

    Retired retireOldest(int pods, Instant now) {
        long[] t = atMillis.clone();
        int[] c = counts.clone();
        int take = Math.min(pods, pending());
        double[] ages = new double[take];
        int first = 0;
        for (int k = 0; k < take; k++) {
            while (c[first] == 0) {
                first++;
            }
            c[first]--;
            ages[k] = (now.toEpochMilli() - t[first]) / 1000.0;
        }
        return new Retired(compact(t, c), ages);
    }

    /** Drops the newest pending pods until at most {@code starting} remain. */
    Launches trimNewestTo(int starting) {
        int excess = pending() - Math.max(0, starting);
        if (excess <= 0) {
            return this;
        }
        long[] t = atMillis.clone();
        int[] c = counts.clone();
        for (int i = c.length - 1; i >= 0 && excess > 0; i--) {
            int drop = Math.min(c[i], excess);
            c[i] -= drop;
            excess -= drop;
        }
        return compact(t, c);
    }

    /**
     * For {@code starting} pods, the expected time until each is ready, ascending. Pods this policy
     * did not ask for (restarts, another actor) are assumed half-way through their cold start.
     */
    List<Duration> remaining(int starting, Duration coldStart, Instant now) {
        List<Duration> out = new ArrayList<>(starting);
        for (int i = 0; i < atMillis.length && out.size() < starting; i++) {
            Duration left = coldStart.minusMillis(now.toEpochMilli() - atMillis[i]);
            Duration d = left.isNegative() ? Duration.ZERO : left;
            for (int k = 0; k < counts[i] && out.size() < starting; k++) {
                out.add(d);
            }
        }
        Duration half = coldStart.dividedBy(2);
        while (out.size() < starting) {
            out.add(half);
        }
        out.sort(null);
        return out;
    }

    private static Launches compact(long[] t, int[] c) {
        int n = 0;
        for (int x : c) {
            if (x > 0) {
                n++;
            }
        }
        long[] nt = new long[n];
        int[] nc = new int[n];
        int j = 0;
        for (int i = 0; i < c.length; i++) {
            if (c[i] > 0) {
                nt[j] = t[i];
                nc[j++] = c[i];
            }
        }
        return new Launches(nt, nc);
    }
}
