package io.greenscale.loadgen.drive;

/**
 * One request to send.
 *
 * @param seq           0, 1, 2, … in schedule order (unique within a run)
 * @param intendedNanos when it was meant to be sent, nanoseconds since the start of the run
 * @param payload       the rendered body (HTTP) or job fields (Redis); null for none
 */
public record Request(long seq, long intendedNanos, String payload) {}
