package io.greenscale.policy.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StabilizerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration KEEP = Duration.ofMinutes(10);

    private static TimedValues history(int... secondsAndValues) {
        TimedValues h = TimedValues.EMPTY;
        for (int i = 0; i < secondsAndValues.length; i += 2) {
            h = h.append(T0.plusSeconds(secondsAndValues[i]), secondsAndValues[i + 1], KEEP);
        }
        return h;
    }

    @Test
    void scale_down_waits_for_the_highest_recommendation_of_the_window() {
        TimedValues h = history(0, 10, 60, 8, 120, 6);
        Instant now = T0.plusSeconds(150);
        assertThat(Stabilizer.apply(10, 4, h, Duration.ZERO, Duration.ofSeconds(180), now)).isEqualTo(10);
        assertThat(Stabilizer.apply(10, 4, h, Duration.ZERO, Duration.ofSeconds(100), now)).as("10 left the window").isEqualTo(8);
        assertThat(Stabilizer.apply(10, 4, h, Duration.ZERO, Duration.ofSeconds(80), now)).as("10 and 8 left the window").isEqualTo(6);
    }

    @Test
    void a_sample_exactly_one_window_old_has_left_it() {
        TimedValues h = history(0, 10);
        assertThat(Stabilizer.apply(10, 4, h, Duration.ZERO, Duration.ofSeconds(180), T0.plusSeconds(180))).isEqualTo(4);
        assertThat(Stabilizer.apply(10, 4, h, Duration.ZERO, Duration.ofSeconds(180), T0.plusSeconds(179))).isEqualTo(10);
    }

    @Test
    void scale_up_is_immediate_without_an_up_window() {
        assertThat(Stabilizer.apply(4, 9, history(0, 4, 5, 4), Duration.ZERO, Duration.ofSeconds(300), T0.plusSeconds(10))).isEqualTo(9);
    }

    @Test
    void an_up_window_takes_the_lowest_recommendation_in_it() {
        TimedValues h = history(0, 6, 30, 8);
        assertThat(Stabilizer.apply(4, 9, h, Duration.ofSeconds(60), Duration.ofSeconds(300), T0.plusSeconds(40))).isEqualTo(6);
    }

    @Test
    void never_moves_against_the_recommendation() {
        TimedValues h = history(0, 2);
        // recommendation 9 above current 4, window low 2: the result stays at current, never below it
        assertThat(Stabilizer.apply(4, 9, h, Duration.ofSeconds(60), Duration.ofSeconds(300), T0.plusSeconds(10))).isEqualTo(4);
    }
}
