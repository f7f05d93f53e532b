package io.greenscale.loadgen.profile;

import java.util.SplittableRandom;

/**
 * Replays a count trace: each bucket's scaled count at sorted uniform-random times inside the
 * (time-scaled) bucket, drawn one by one without sorting (see {@link Arrivals#replay}).
 */
final class CountReplay implements ArrivalStream {
    private final CountTrace trace;
    private final double rateScale;
    private final double timeScale;
    private final SplittableRandom random;
    private int bucket = -1;
    /** Arrivals still to place in the current bucket, and the last one's position in it (0..1). */
    private long remaining;
    private double position;
    private double start;
    private double width;
    private long at;

    CountReplay(CountTrace trace, double rateScale, double timeScale, long seed) {
        this.trace = trace;
        this.rateScale = rateScale;
        this.timeScale = timeScale;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public boolean next() {
        while (remaining == 0) {
            bucket++;
            if (bucket >= trace.buckets()) {
                return false;
            }
            double expected = trace.count(bucket) * rateScale;
            long whole = (long) Math.floor(expected);
            double fraction = expected - whole;
            remaining = whole + (fraction > 1e-9 && random.nextDouble() < fraction ? 1 : 0);
            position = 0;
            start = trace.bucketStartSeconds(bucket) * timeScale;
            width = (trace.bucketEndSeconds(bucket) - trace.bucketStartSeconds(bucket)) * timeScale;
        }
        // The minimum of the `remaining` uniforms left on [position, 1) is the next order statistic.
        position += (1 - position) * (1 - Math.pow(random.nextDouble(), 1.0 / remaining));
        remaining--;
        at = Math.min(Math.round((start + position * width) * 1e9), Math.round((start + width) * 1e9) - 1);
        return true;
    }

    @Override
    public long atNanos() {
        return at;
    }
}
