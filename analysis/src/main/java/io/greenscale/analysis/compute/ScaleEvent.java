package io.greenscale.analysis.compute;

/** A change of the desired replica count at {@code tSeconds} since the run's start. */
public record ScaleEvent(double tSeconds, int from, int to) {

    /** +1 up, -1 down. */
    public int direction() {
        return Integer.signum(to - from);
    }
}
