package io.greenscale.loadgen.profile;

/** Arrivals drawn from a rate function: no tokens, no columns. */
abstract class GeneratedArrivals implements ArrivalStream {
    protected final Profile profile;
    protected final double endSeconds;
    /** The current arrival, seconds since the start. */
    protected double at;

    GeneratedArrivals(Profile profile) {
        this.profile = profile;
        this.endSeconds = profile.durationSeconds();
    }

    @Override
    public long atNanos() {
        return Math.round(at * 1e9);
    }
}
