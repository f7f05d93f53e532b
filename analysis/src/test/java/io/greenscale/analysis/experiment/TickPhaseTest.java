package io.greenscale.analysis.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TickPhaseTest {
    static final Instant T = Instant.parse("2026-01-01T00:00:03.400Z");
    static final Duration FIVE = Duration.ofSeconds(5);
    static final Duration PREPARE = Duration.ofMillis(300);

    @Test
    void starts_the_load_just_before_the_scalers_next_tick() {
        // Last tick at 3.4 s, now 5.0 s: the next tick at 8.4 s is far enough; the load starts 100 ms before it.
        assertThat(TickPhase.start(T, FIVE, T.plusMillis(1_600), PREPARE)).isEqualTo(T.plusMillis(5_000 - 100));
        // Now 8.2 s: 8.4 s is too close to prepare for, so the tick after.
        assertThat(TickPhase.start(T, FIVE, T.plusMillis(4_800), PREPARE)).isEqualTo(T.plusMillis(10_000 - 100));
        // Several ticks since the last logged one: the phase is the loop's, not the log's.
        assertThat(TickPhase.start(T, Duration.ofSeconds(15), T.plusSeconds(40), PREPARE)).isEqualTo(T.plusMillis(45_000 - 100));
    }

    @Test
    void with_no_tick_logged_yet_it_just_prepares() {
        Instant now = Instant.parse("2026-01-01T00:01:00Z");
        assertThat(TickPhase.start(null, FIVE, now, PREPARE)).isEqualTo(now.plus(PREPARE));
    }

    @Test
    void reads_the_last_whole_decision_of_the_log(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("decisions.jsonl");
        Files.write(log, List.of("{\"time\":\"2026-01-01T00:00:01.400Z\",\"desired\":1}", "{\"time\":\"2026-01-01T00:00:06.400Z\",\"desired\":1}",
                "{\"time\":\"2026-01-01T00:00:1"));
        assertThat(TickPhase.lastTick(log)).isEqualTo(Instant.parse("2026-01-01T00:00:06.400Z"));
        assertThat(TickPhase.lastTick(dir.resolve("none.jsonl"))).isNull();
    }
}
