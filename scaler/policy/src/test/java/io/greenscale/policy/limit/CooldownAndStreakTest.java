package io.greenscale.policy.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CooldownAndStreakTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            scale-down 20s after an event waits for the 60s down cooldown | 6 | 4 | 20 | 6
            scale-down after the down cooldown goes ahead                 | 6 | 4 | 60 | 4
            scale-up 20s after an event is allowed with a 10s up cooldown | 4 | 6 | 20 | 6
            scale-up 5s after an event waits for the 10s up cooldown      | 4 | 6 |  5 | 4
            no change needs no cooldown                                   | 4 | 4 |  1 | 4
            """)
    void cooldowns_per_direction(String name, int current, int desired, int secondsSinceEvent, int expected) {
        int result = Cooldown.apply(current, desired, T0, Duration.ofSeconds(10), Duration.ofSeconds(60), T0.plusSeconds(secondsSinceEvent));
        assertThat(result).isEqualTo(expected);
    }

    @Test
    void never_scaled_means_no_cooldown() {
        assertThat(Cooldown.apply(6, 2, null, Duration.ofMinutes(5), Duration.ofMinutes(5), T0)).isEqualTo(2);
    }

    @Test
    void the_streak_cap_pauses_a_run_of_steps_until_it_settles() {
        Duration settle = Duration.ofSeconds(60);
        StepStreak s = StepStreak.NONE.record(-1, settle, T0).record(-1, settle, T0.plusSeconds(30)).record(-1, settle, T0.plusSeconds(60));
        assertThat(s.length()).isEqualTo(3);
        assertThat(s.blocks(-1, 3, settle, T0.plusSeconds(90))).as("third step 30s ago").isTrue();
        assertThat(s.blocks(+1, 3, settle, T0.plusSeconds(90))).as("the other direction is free").isFalse();
        assertThat(s.blocks(-1, 4, settle, T0.plusSeconds(90))).as("below the cap").isFalse();
        assertThat(s.blocks(-1, 0, settle, T0.plusSeconds(90))).as("0 = no cap").isFalse();
        assertThat(s.blocks(-1, 3, settle, T0.plusSeconds(120))).as("settled").isFalse();
    }

    @Test
    void a_pause_longer_than_settle_or_a_reversal_starts_a_new_streak() {
        Duration settle = Duration.ofSeconds(60);
        StepStreak s = StepStreak.NONE.record(1, settle, T0).record(1, settle, T0.plusSeconds(61));
        assertThat(s.length()).isEqualTo(1);
        assertThat(s.record(-1, settle, T0.plusSeconds(70)).length()).isEqualTo(1);
    }
}
