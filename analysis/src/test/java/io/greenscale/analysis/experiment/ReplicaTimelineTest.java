package io.greenscale.analysis.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicaTimelineTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static WorkerEvent e(int s, String event, String worker) {
        return new WorkerEvent(T0.plusSeconds(s), event, worker, worker == null ? null : (long) worker.hashCode(), null, null, null, null, null);
    }

    static WorkerEvent scale(int s, int from, int to) {
        return new WorkerEvent(T0.plusSeconds(s), "scale", null, null, from, to, null, null, T0.plusSeconds(s));
    }

    /** Events out of order on purpose: the log's monitor and decision threads interleave. */
    final ReplicaTimeline timeline = new ReplicaTimeline(List.of(
            scale(0, 0, 1), e(0, "spawn", "a"), e(8, "ready", "a"),
            scale(20, 1, 3), e(20, "spawn", "b"), e(20, "spawn", "c"), e(29, "ready", "c"), e(28, "ready", "b"),
            scale(60, 3, 1), e(60, "terminate", "a"), e(60, "terminate", "b"), e(63, "exit", "b"), e(66, "kill", "a"), e(67, "exit", "a")));

    @Test
    void replays_the_target_second_by_second() {
        assertThat(timeline.at(T0.plusSeconds(5))).isEqualTo(new ReplicaTimeline.Counts(1, 0, 1, 0));
        assertThat(timeline.at(T0.plusSeconds(10))).isEqualTo(new ReplicaTimeline.Counts(1, 1, 0, 0));
        assertThat(timeline.at(T0.plusSeconds(25))).as("two starting, counted as capacity on its way").isEqualTo(new ReplicaTimeline.Counts(3, 1, 2, 0));
        assertThat(timeline.at(T0.plusSeconds(30))).isEqualTo(new ReplicaTimeline.Counts(3, 3, 0, 0));
        assertThat(timeline.at(T0.plusSeconds(61))).as("stopping workers are still held, no longer serving")
                .isEqualTo(new ReplicaTimeline.Counts(1, 1, 0, 2));
        assertThat(timeline.at(T0.plusSeconds(64))).isEqualTo(new ReplicaTimeline.Counts(1, 1, 0, 1));
        assertThat(timeline.at(T0.plusSeconds(70))).isEqualTo(new ReplicaTimeline.Counts(1, 1, 0, 0));
    }

    @Test
    void knows_which_workers_it_never_saw_exit() {
        assertThat(timeline.unexitedPids()).containsExactly((long) "c".hashCode());
    }
}
