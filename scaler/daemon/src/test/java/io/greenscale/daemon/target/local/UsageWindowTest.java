package io.greenscale.daemon.target.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscale.daemon.signal.PodUsage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UsageWindowTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void reports_the_usage_between_the_last_two_readings_like_metrics_server() {
        UsageWindow w = new UsageWindow();
        assertThat(w.read(Duration.ofMillis(2_000), T0)).as("one reading is no sample").isNull();

        // 3 s of CPU in 15 s: 200 millicores, stamped at the later reading, over the 15 s window.
        assertThat(w.read(Duration.ofMillis(5_000), T0.plusSeconds(15)))
                .isEqualTo(new PodUsage(200, T0.plusSeconds(15), Duration.ofSeconds(15)));
        // An idle window: 0 millicores; the sample only moves at a reading.
        assertThat(w.read(Duration.ofMillis(5_000), T0.plusSeconds(30))).isEqualTo(new PodUsage(0, T0.plusSeconds(30), Duration.ofSeconds(15)));
        assertThat(w.sample().timestamp()).isEqualTo(T0.plusSeconds(30));
        // Two cores busy for the whole window.
        assertThat(w.read(Duration.ofMillis(35_000), T0.plusSeconds(45)).cpuMilli()).isEqualTo(2_000);
    }

    @Test
    void a_reading_at_the_same_instant_keeps_the_previous_sample() {
        UsageWindow w = new UsageWindow();
        w.read(Duration.ZERO, T0);
        PodUsage s = w.read(Duration.ofSeconds(1), T0.plusSeconds(10));
        assertThat(w.read(Duration.ofSeconds(2), T0.plusSeconds(10))).isEqualTo(s);
    }
}
