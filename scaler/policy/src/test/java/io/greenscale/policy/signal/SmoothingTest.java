package io.greenscale.policy.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SmoothingTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void ewma_rises_faster_than_it_falls() {
        Ewma e = Ewma.EMPTY.update(0.5, T0, 0.6, 0.2);
        Ewma up = e.update(1.0, T0.plusSeconds(5), 0.6, 0.2);
        Ewma down = e.update(0.0, T0.plusSeconds(5), 0.6, 0.2);
        assertThat(up.value()).isCloseTo(0.8, within(1e-12));
        assertThat(down.value()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void ewma_takes_each_observation_once() {
        Ewma e = Ewma.EMPTY.update(0.5, T0, 0.5, 0.5).update(1.0, T0.plusSeconds(15), 0.5, 0.5);
        Ewma again = e.update(1.0, T0.plusSeconds(15), 0.5, 0.5).update(1.0, T0.plusSeconds(15), 0.5, 0.5);
        assertThat(again).isEqualTo(e);
    }

    @Test
    void holt_learns_a_linear_trend() {
        Holt h = Holt.EMPTY;
        for (int t = 0; t <= 600; t += 5) {
            h = h.update(100 + 2.0 * t, T0.plusSeconds(t), 0.5, 0.3, 4);
        }
        assertThat(h.trend()).isCloseTo(2.0, within(0.01));
        assertThat(h.forecast(60)).isCloseTo(100 + 2.0 * 660, within(2.0));
    }

    @Test
    void holt_treats_a_step_as_a_level_shift_not_a_trend() {
        Holt h = Holt.EMPTY;
        java.util.Random noise = new java.util.Random(1);
        for (int t = 0; t <= 120; t += 5) {
            h = h.update(20 + noise.nextGaussian(), T0.plusSeconds(t), 0.5, 0.3, 4);
        }
        h = h.update(60, T0.plusSeconds(125), 0.5, 0.3, 4);
        assertThat(h.level()).isEqualTo(60);
        assertThat(h.trend()).isZero();
        assertThat(h.forecast(60)).isEqualTo(60);
    }

    @Test
    void holt_without_shift_detection_extrapolates_a_step() {
        Holt h = Holt.EMPTY;
        for (int t = 0; t <= 120; t += 5) {
            h = h.update(20, T0.plusSeconds(t), 0.5, 0.3, 0);
        }
        h = h.update(60, T0.plusSeconds(125), 0.5, 0.3, 0);
        assertThat(h.forecast(60)).isGreaterThan(100);
    }

    @Test
    void holt_on_a_flat_series_forecasts_the_level() {
        Holt h = Holt.EMPTY;
        for (int t = 0; t <= 100; t += 5) {
            h = h.update(7, T0.plusSeconds(t), 0.5, 0.3, 4);
        }
        assertThat(h.forecast(90)).isCloseTo(7, within(1e-9));
    }
}
