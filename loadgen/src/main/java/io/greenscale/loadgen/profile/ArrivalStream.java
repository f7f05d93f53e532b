package io.greenscale.loadgen.profile;

import java.util.List;

/**
 * A cursor over a run's scheduled request arrivals, in time order. It allocates nothing per
 * request, so the simulator can draw millions of arrivals per second from it.
 *
 * <pre>{@code
 * ArrivalStream a = Arrivals.poisson(profile, seed);
 * while (a.next()) {
 *     schedule(a.atNanos(), a.inputTokens());
 * }
 * }</pre>
 * The accessors describe the arrival that the last successful {@link #next()} moved to.
 */
public interface ArrivalStream {

    /** Moves to the next arrival; false when the run has no more. */
    boolean next();

    /** Intended arrival time, in nanoseconds since the start of the run. */
    long atNanos();

    /** The request's input (prompt) tokens from a trace, or -1 when unknown (generated arrivals, count series). */
    default int inputTokens() {
        return -1;
    }

    /** The request's output (generated) tokens from a trace, or -1 when unknown. */
    default int outputTokens() {
        return -1;
    }

    /** The request's value of a trace column (for body templates), or null when absent. */
    default String column(String name) {
        return null;
    }

    /** The columns {@link #column} knows, in the trace's order; empty for generated arrivals. */
    default List<String> columns() {
        return List.of();
    }
}
