package io.greenscale.loadgen.profile;

import java.nio.file.Path;
import java.util.List;

/**
 * A recorded workload read from a file by {@link TraceReader}. As a {@link Profile} its rate is
 * the recorded rate (requests per second, second by second or bucket by bucket);
 * {@link Arrivals#replay} additionally plays back its exact request times and columns.
 */
public sealed interface Trace extends Profile permits RequestTrace, CountTrace {

    /** The file it was read from, or null when built in memory. */
    Path source();

    /** {@code requests} (one row per request), {@code counts} ({@code t_s,requests}) or {@code rates} (one rate per line). */
    String format();

    /** The extra columns each request carries (per-request traces); empty otherwise. */
    List<String> columns();

    /** The number of requests the trace holds (for count traces: the sum of its counts). */
    double totalRequests();
}
