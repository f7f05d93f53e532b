package io.greenscale.policy.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LaunchesTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration COLD = Duration.ofSeconds(90);

    @Test
    void pods_turning_ready_retire_the_oldest_launches_with_their_ages() {
        Launches l = Launches.NONE.add(T0, 2).add(T0.plusSeconds(30), 3);
        Launches.Retired r = l.retireOldest(3, T0.plusSeconds(95));
        assertThat(r.agesSeconds()).containsExactly(95, 95, 65);
        assertThat(r.remaining().pending()).isEqualTo(2);
    }

    @Test
    void a_scale_down_removes_the_newest_pending_pods() {
        Launches l = Launches.NONE.add(T0, 2).add(T0.plusSeconds(30), 3).trimNewestTo(3);
        assertThat(l.remaining(3, COLD, T0.plusSeconds(40))).containsExactly(Duration.ofSeconds(50), Duration.ofSeconds(50), Duration.ofSeconds(80));
    }

    @Test
    void unknown_starting_pods_are_assumed_half_way() {
        assertThat(Launches.NONE.add(T0, 1).remaining(3, COLD, T0.plusSeconds(10)))
                .containsExactly(Duration.ofSeconds(45), Duration.ofSeconds(45), Duration.ofSeconds(80));
    }

    @Test
    void late_pods_are_due_now() {
        assertThat(Launches.NONE.add(T0, 1).remaining(1, COLD, T0.plusSeconds(200))).containsExactly(Duration.ZERO);
    }
}
