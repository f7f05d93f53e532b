package io.greenscale.policy.limit;

import java.time.Duration;
import java.time.Instant;

/**
 * Stabilisation windows, as the HPA's behavior path does them: scaling down needs every
 * recommendation of the last down-window to be below the current count (the highest one wins),
 * scaling up needs every recommendation of the last up-window above it (the lowest one wins).
 * So one low reading does not remove pods that the next reading wants back.
 */
public final class Stabilizer {
    private Stabilizer() {}

    /**
     * @param history earlier recommendations (this tick's is {@code recommended}, not yet in it)
     */
    public static int apply(int current, int recommended, TimedValues history, Duration upWindow,
                            Duration downWindow, Instant now) {
        int up = recommended;
        int down = recommended;
        for (int i = 0; i < history.size(); i++) {
            if (history.inside(i, now, upWindow)) {
                up = Math.min(up, history.value(i));
            }
            if (history.inside(i, now, downWindow)) {
                down = Math.max(down, history.value(i));
            }
        }
        int result = current;
        if (result < up) {
            result = up;
        }
        if (result > down) {
            result = down;
        }
        return result;
    }
}
