package io.greenscale.daemon.signal;

import java.time.Duration;
import java.time.Instant;

/**
 * One pod's CPU usage as metrics.k8s.io reports it, summed over its containers.
 *
 * @param cpuMilli  millicores
 * @param timestamp the end of the sample window
 * @param window    the window the usage was averaged over
 */
public record PodUsage(long cpuMilli, Instant timestamp, Duration window) {
}
