package io.greenscale.app.admit;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Holds a compute slot for a while without using the CPU: how {@code --service-time-scale} makes this
 * machine behave like a slower device. A test passes one that records instead of waiting.
 */
@FunctionalInterface
public interface Pacer {

    void hold(Duration duration);

    /** Parks the calling thread for the whole duration (spurious wake-ups included). */
    static Pacer parking() {
        return duration -> {
            long deadline = System.nanoTime() + duration.toNanos();
            for (long left = duration.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                LockSupport.parkNanos(left);
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        };
    }
}
