package io.greenscale.policy.limit;

import java.time.Duration;
import java.time.Instant;

/**
 * The cap on consecutive steps in one direction: after {@code maxSteps} scale events in the same
 * direction, each within {@code settle} of the one before, the next step in that direction waits
 * until {@code settle} has passed since the last — a pause to let the last steps show in the
 * signals before more of the same.
 *
 * @param direction +1 or −1 of the current streak, 0 before the first event
 * @param length    scale events in the streak
 * @param last      when the last event happened, or null
 */
public record StepStreak(int direction, int length, Instant last) {

    public static final StepStreak NONE = new StepStreak(0, 0, null);

    /** True when a step in {@code direction} must wait. {@code maxSteps} 0 means no cap. */
    public boolean blocks(int direction, int maxSteps, Duration settle, Instant now) {
        if (maxSteps <= 0 || direction == 0 || direction != this.direction || length < maxSteps) {
            return false;
        }
        return Duration.between(last, now).compareTo(settle) < 0;
    }

    /** The streak after a scale event in {@code direction} at {@code now}. */
    public StepStreak record(int direction, Duration settle, Instant now) {
        boolean continues = direction == this.direction && last != null && Duration.between(last, now).compareTo(settle) <= 0;
        return new StepStreak(direction, continues ? length + 1 : 1, now);
    }
}
