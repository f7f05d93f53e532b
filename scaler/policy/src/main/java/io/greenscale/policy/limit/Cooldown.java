package io.greenscale.policy.limit;

import java.time.Duration;
import java.time.Instant;

/**
 * Separate cooldowns per direction: no scale-up within {@code upCooldown} of the last scale
 * event, no scale-down within {@code downCooldown} of it. A scale-down right after a scale-up is
 * the flap that costs the most with slow cold starts, so the down cooldown is usually the longer.
 */
public final class Cooldown {
    private Cooldown() {}

    /** {@code desired}, or {@code current} while the cooldown for that direction runs. */
    public static int apply(int current, int desired, Instant lastScaleEvent, Duration upCooldown,
                            Duration downCooldown, Instant now) {
        if (lastScaleEvent == null || desired == current) {
            return desired;
        }
        Duration since = Duration.between(lastScaleEvent, now);
        Duration cooldown = desired > current ? upCooldown : downCooldown;
        return since.compareTo(cooldown) < 0 ? current : desired;
    }
}
