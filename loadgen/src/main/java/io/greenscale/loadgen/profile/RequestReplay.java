package io.greenscale.loadgen.profile;

import java.util.List;
import java.util.SplittableRandom;

/** Replays a per-request trace with rate and time scaling (see {@link Arrivals#replay}). */
final class RequestReplay implements ArrivalStream {
    private final RequestTrace trace;
    private final double timeScale;
    private final int wholeCopies;
    private final double extraCopyChance;
    private final SplittableRandom random;
    /** The original request being replayed, how many copies it gets and which copy is current. */
    private int row = -1;
    private int copies;
    private int copy;
    private long at;

    RequestReplay(RequestTrace trace, double rateScale, double timeScale, long seed) {
        this.trace = trace;
        this.timeScale = timeScale;
        this.wholeCopies = (int) Math.floor(rateScale);
        this.extraCopyChance = rateScale - wholeCopies;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public boolean next() {
        while (copy + 1 >= copies) {
            row++;
            if (row >= trace.size()) {
                return false;
            }
            copies = wholeCopies + (extraCopyChance > 0 && random.nextDouble() < extraCopyChance ? 1 : 0);
            copy = -1;
        }
        copy++;
        long start = scaled(trace.atNanos(row));
        // Copies share the gap to the next request, but stay in their own second so that
        // per-second counts scale exactly.
        long secondEnd = (start / 1_000_000_000L + 1) * 1_000_000_000L;
        long next = row + 1 < trace.size() ? scaled(trace.atNanos(row + 1)) : start;
        long gap = Math.min(next, secondEnd) - start;
        at = start + gap * copy / copies;
        return true;
    }

    private long scaled(long nanos) {
        return timeScale == 1 ? nanos : Math.round(nanos * timeScale);
    }

    @Override
    public long atNanos() {
        return at;
    }

    @Override
    public int inputTokens() {
        return trace.inputTokens(row);
    }

    @Override
    public int outputTokens() {
        return trace.outputTokens(row);
    }

    @Override
    public String column(String name) {
        return trace.cell(row, trace.columnIndex(name));
    }

    @Override
    public List<String> columns() {
        return trace.columns();
    }
}
