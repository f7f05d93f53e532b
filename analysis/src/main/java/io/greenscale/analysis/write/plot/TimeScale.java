package io.greenscale.analysis.write.plot;

/**
 * The time axis of a chart: minutes for runs of ten minutes or more, seconds below; and the
 * bucket width that keeps a series to about {@link #TARGET_POINTS} points.
 */
record TimeScale(double secondsPerUnit, String label, int bucketSeconds) {
    static final int TARGET_POINTS = 400;

    static TimeScale forDuration(double lastSecond) {
        int bucket = (int) Math.max(1, Math.ceil(lastSecond / TARGET_POINTS));
        return lastSecond >= 600 ? new TimeScale(60, "time (min)", bucket) : new TimeScale(1, "time (s)", bucket);
    }
}
