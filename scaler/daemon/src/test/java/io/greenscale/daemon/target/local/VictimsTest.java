package io.greenscale.daemon.target.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VictimsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** A worker started at second {@code ordinal}; ready since {@code readyAt} (null: not ready); {@code cost} jobs in hand. */
    static WorkerView w(String id, long ordinal, Integer readyAt, int cost) {
        return new WorkerView(id, ordinal, 100 + ordinal, 9000 + (int) ordinal, T0.plusSeconds(ordinal),
                readyAt == null ? null : T0.plusSeconds(readyAt), null, cost);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a starting worker goes before any ready one", List.of(w("a", 1, 10, 0), w("b", 2, null, 0)), 1, List.of("b")),
                Arguments.of("busy-aware: the idle ready worker goes before the busy one",
                        List.of(w("busy", 1, 10, 3), w("idle", 2, 20, 0)), 1, List.of("idle")),
                Arguments.of("busy-aware: fewer jobs in hand go first", List.of(w("two", 1, 10, 2), w("one", 2, 20, 1), w("zero", 3, 30, 0)), 2,
                        List.of("zero", "one")),
                Arguments.of("equal costs (no busy-awareness): the most recently ready goes first",
                        List.of(w("old", 1, 10, 0), w("new", 2, 50, 0), w("mid", 3, 30, 0)), 2, List.of("new", "mid")),
                Arguments.of("among starting workers the newest goes first", List.of(w("s1", 1, null, 0), w("s2", 2, null, 0)), 1, List.of("s2")),
                Arguments.of("a worker already stopping is not chosen again",
                        List.of(new WorkerView("gone", 1, 1, 1, T0, T0, T0.plusSeconds(60), 0), w("kept", 2, 10, 5)), 1, List.of("kept")),
                Arguments.of("asking for more than there are gives them all", List.of(w("a", 1, 10, 0)), 3, List.of("a")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ranks_like_the_replicaset_controller(String name, List<WorkerView> workers, int count, List<String> expected) {
        assertThat(Victims.choose(workers, count)).extracting(WorkerView::id).containsExactlyElementsOf(expected);
    }
}
