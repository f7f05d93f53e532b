package io.greenscale.loadgen.profile;

import java.util.SplittableRandom;

/** Non-homogeneous Poisson arrivals by thinning against a per-window rate bound (see {@link Arrivals#poisson}). */
final class PoissonArrivals extends GeneratedArrivals {
    /** Bound windows: short enough that a spike's bound does not spill far, long enough to be cheap. */
    private static final double WINDOW_SECONDS = 0.1;

    private final SplittableRandom random;
    private double t;
    private double windowEnd;
    private double bound;

    PoissonArrivals(Profile profile, long seed) {
        super(profile);
        this.random = new SplittableRandom(seed);
    }

    @Override
    public boolean next() {
        while (true) {
            if (t >= windowEnd) {
                if (windowEnd >= endSeconds) {
                    return false;
                }
                // Memorylessness: restarting the exponential clock at a window edge keeps the process exact.
                t = windowEnd;
                windowEnd = Math.min(t + WINDOW_SECONDS, endSeconds);
                bound = profile.peakRate(t, windowEnd);
                if (!(bound > 0)) {
                    t = windowEnd;
                    continue;
                }
            }
            t += -Math.log(1.0 - random.nextDouble()) / bound;
            if (t >= windowEnd) {
                continue;
            }
            double rate = profile.rateAtSeconds(t);
            if (rate >= bound || random.nextDouble() * bound < rate) {
                at = t;
                return true;
            }
        }
    }
}
