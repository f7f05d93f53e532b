package io.greenscale.daemon.target.local;

import io.greenscale.daemon.signal.PodUsage;
import java.time.Duration;
import java.time.Instant;

/**
 * One process's CPU usage the way metrics-server reports a pod's: the cumulative CPU time is read
 * every resolution period, and a sample is the usage between the last two readings, stamped with
 * the later one. A process has no sample until it has been read twice. Not thread-safe.
 */
final class UsageWindow {
    private Duration lastCpu;
    private Instant lastAt;
    private PodUsage sample;

    /** Records a reading of the cumulative CPU time and returns the newest sample, or null before the second reading. */
    PodUsage read(Duration cumulativeCpu, Instant at) {
        if (lastAt != null && at.isAfter(lastAt)) {
            Duration window = Duration.between(lastAt, at);
            long cpuNanos = Math.max(0, cumulativeCpu.minus(lastCpu).toNanos());
            long milli = Math.round(cpuNanos * 1000.0 / window.toNanos());
            sample = new PodUsage(milli, at, window);
        }
        lastCpu = cumulativeCpu;
        lastAt = at;
        return sample;
    }

    /** The newest sample, or null. */
    PodUsage sample() {
        return sample;
    }
}
