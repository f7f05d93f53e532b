package io.greenscale.policy.limit;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * An immutable, time-ordered series of (instant, int) entries, forgetting what is older than the
 * longest look-back anyone needs. Used for recommendation history and scale events; small (a
 * window of a few minutes at one entry per tick), so copying on append is cheap.
 */
public final class TimedValues {
    public static final TimedValues EMPTY = new TimedValues(new long[0], new int[0]);

    private final long[] epochMillis;
    private final int[] values;

    private TimedValues(long[] epochMillis, int[] values) {
        this.epochMillis = epochMillis;
        this.values = values;
    }

    public int size() {
        return values.length;
    }

    public Instant at(int i) {
        return Instant.ofEpochMilli(epochMillis[i]);
    }

    public int value(int i) {
        return values[i];
    }

    /** Appends {@code (now, value)} and drops entries older than {@code now − keep}. */
    public TimedValues append(Instant now, int value, Duration keep) {
        long nowMs = now.toEpochMilli();
        long cutoff = nowMs - keep.toMillis();
        int first = 0;
        while (first < epochMillis.length && epochMillis[first] < cutoff) {
            first++;
        }
        int n = epochMillis.length - first;
        long[] t = Arrays.copyOfRange(epochMillis, first, first + n + 1);
        int[] v = Arrays.copyOfRange(values, first, first + n + 1);
        t[n] = nowMs;
        v[n] = value;
        return new TimedValues(t, v);
    }

    /** Entries strictly after {@code now − window}: the upstream HPA's "inside the window" rule. */
    boolean inside(int i, Instant now, Duration window) {
        return epochMillis[i] > now.toEpochMilli() - window.toMillis();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(at(i)).append('=').append(values[i]);
        }
        return sb.append(']').toString();
    }
}
