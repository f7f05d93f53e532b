package io.greenscale.daemon.signal;

import java.time.Duration;

/**
 * How long the tick waits for each source: its own timeout plus a margin, so that the source's
 * own timeout fires first with the more precise message, and a source that ignores its timeout
 * still cannot stall the tick.
 */
public record Deadlines(Duration redis, Duration prometheus, Duration kubernetes) {

    private static final Duration MARGIN = Duration.ofMillis(250);

    public static Deadlines of(Duration redisTimeout, Duration prometheusTimeout, Duration kubernetesTimeout) {
        // A Kubernetes request may first wait for a concurrency slot, then run: twice its timeout.
        return new Deadlines(redisTimeout.plus(MARGIN), prometheusTimeout.plus(MARGIN), kubernetesTimeout.multipliedBy(2).plus(MARGIN));
    }
}
