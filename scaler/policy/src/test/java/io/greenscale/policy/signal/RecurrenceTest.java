package io.greenscale.policy.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecurrenceTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    /** 1.5× rise, at least 4/s, two agreeing intervals, 5 % or 15 s. */
    private static final Recurrence.Rules RULES = new Recurrence.Rules(1.5, 4, 2, 0.05, Duration.ofSeconds(15));

    /** Feeds {@code level(t)} every 5 s over [from, to). */
    private static Recurrence feed(Recurrence r, long from, long to, java.util.function.LongToDoubleFunction level) {
        for (long t = from; t < to; t += 5) {
            r = r.observe(level.applyAsDouble(t), T0.plusSeconds(t), RULES);
        }
        return r;
    }

    /** 10/s with 2-minute bursts of 50/s starting at 240 s and every {@code period} seconds after. */
    private static double bursts(long t, long period) {
        return t >= 240 && (t - 240) % period < 120 ? 50 : 10;
    }

    @Test
    void three_onsets_a_period_apart_predict_the_fourth() {
        Recurrence r = feed(Recurrence.EMPTY, 0, 960 + 200, t -> bursts(t, 360));
        var p = r.prediction(RULES).orElseThrow();
        assertThat(p.period()).isEqualTo(Duration.ofSeconds(360));
        assertThat(p.next()).isEqualTo(T0.plusSeconds(960 + 360));
        assertThat(p.tolerance()).as("5 % of 6 min").isEqualTo(Duration.ofSeconds(18));
        assertThat(p.peak()).isEqualTo(50);
        assertThat(p.peakPerReplicaRate()).isEqualTo(4);
        assertThat(p.seen()).isEqualTo(3);
    }

    @Test
    void two_onsets_are_a_coincidence_not_a_schedule() {
        Recurrence r = feed(Recurrence.EMPTY, 0, 600 + 200, t -> bursts(t, 360));
        assertThat(r.onsets()).hasSize(2);
        assertThat(r.prediction(RULES)).isEmpty();
    }

    @Test
    void the_tail_of_a_burst_is_not_taken_for_a_new_one() {
        // 10 → 50, then down through 24 and 16 (above 1.5 × the baseline) before settling at 10
        Recurrence r = feed(Recurrence.EMPTY, 0, 600, t -> t < 100 ? 10 : t < 200 ? 50 : t < 215 ? 24 : t < 230 ? 16 : 10);
        assertThat(r.onsets()).containsExactly(T0.plusSeconds(100));
        assertThat(r.high()).isFalse();
        assertThat(r.endedAt()).isEqualTo(T0.plusSeconds(200));
    }

    @Test
    void a_smooth_daily_cycle_has_no_onsets() {
        // 10..50/s and back over a (compressed) 20-minute day, three days
        Recurrence r = feed(Recurrence.EMPTY, 0, 3600, t -> 30 - 20 * Math.cos(2 * Math.PI * t / 1200.0));
        assertThat(r.onsets()).isEmpty();
    }

    @Test
    void a_predicted_onset_that_does_not_come_forgets_the_schedule() {
        Recurrence r = feed(Recurrence.EMPTY, 0, 1200, t -> bursts(t, 360));
        assertThat(r.prediction(RULES)).isPresent();
        // the fourth burst (due at 1320 ± 18 s) never comes
        r = feed(r, 1200, 1340, t -> 10);
        assertThat(r.prediction(RULES)).as("still within the tolerance").isPresent();
        r = feed(r, 1340, 1400, t -> 10);
        assertThat(r.prediction(RULES)).isEmpty();
        assertThat(r.onsets()).isEmpty();
    }

    @Test
    void intervals_that_disagree_predict_nothing() {
        // onsets at 240, 600 and 1080: 6 then 8 minutes apart
        Recurrence r = feed(Recurrence.EMPTY, 0, 1300, t -> (t >= 240 && t < 360) || (t >= 600 && t < 720) || (t >= 1080 && t < 1200) ? 50 : 10);
        assertThat(r.onsets()).hasSize(3);
        assertThat(r.prediction(RULES)).isEmpty();
    }

    @Test
    void a_rise_smaller_than_one_replicas_worth_is_not_an_onset() {
        // 1/s → 3/s is 3× but adds less than the 4/s one replica serves
        Recurrence r = feed(Recurrence.EMPTY, 0, 1200, t -> (t / 120) % 2 == 1 ? 3 : 1);
        assertThat(r.onsets()).isEmpty();
    }

    @Test
    void the_baseline_follows_the_level_between_bursts() {
        Recurrence r = feed(Recurrence.EMPTY, 0, 600, t -> 10);
        r = feed(r, 600, 1200, t -> 12);
        assertThat(r.baseline()).isCloseTo(12, within(0.01));
        assertThat(r.onsets()).as("a 20 % rise is no burst").isEmpty();
    }
}
