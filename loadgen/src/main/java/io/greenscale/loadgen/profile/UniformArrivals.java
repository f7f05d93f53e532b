package io.greenscale.loadgen.profile;

/** Evenly spaced arrivals following the rate (see {@link Arrivals#uniform}). */
final class UniformArrivals extends GeneratedArrivals {
    /** The rate is taken as constant over each window, evaluated at its middle. */
    private static final double WINDOW_SECONDS = 0.001;

    private double t;
    private long window = -1;
    private double windowEnd;
    private double rate;
    /** Requests accumulated towards the next arrival; starts at one half so arrivals sit mid-interval. */
    private double accumulated = 0.5;

    UniformArrivals(Profile profile) {
        super(profile);
    }

    @Override
    public boolean next() {
        while (true) {
            if (t >= windowEnd) {
                window++;
                double start = window * WINDOW_SECONDS;
                if (start >= endSeconds) {
                    return false;
                }
                t = start;
                windowEnd = Math.min((window + 1) * WINDOW_SECONDS, endSeconds);
                rate = profile.rateAtSeconds((start + windowEnd) / 2);
            }
            if (!(rate > 0)) {
                t = windowEnd;
                continue;
            }
            double arrival = t + Math.max(0, 1 - accumulated) / rate;
            if (arrival < windowEnd) {
                t = arrival;
                at = arrival;
                accumulated = 0;
                return true;
            }
            accumulated += (windowEnd - t) * rate;
            t = windowEnd;
        }
    }
}
