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
            h = h.update(100 + 2.0 * t, T0.plusSeconds(t), 0.5, 0.3);
        }
        assertThat(h.trend()).isCloseTo(2.0, within(0.01));
        assertThat(h.forecast(60)).isCloseTo(100 + 2.0 * 660, within(2.0));
    }

    @Test
    void holt_on_a_flat_series_forecasts_the_level() {
        Holt h = Holt.EMPTY;
        for (int t = 0; t <= 100; t += 5) {
            h = h.update(7, T0.plusSeconds(t), 0.5, 0.3);
        }
        assertThat(h.forecast(90)).isCloseTo(7, within(1e-9));
    }
}
