package io.greenscale.daemon.target.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscale.daemon.signal.PodSignals;
import io.greenscale.daemon.signal.PodSnapshots;
import io.greenscale.daemon.target.DeletionCosts;
import io.greenscale.policy.signal.PodSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A worker process reads, through the daemon's own pod pipeline, as the pod it stands for. */
class PodViewTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static Stream<Arguments> workers() {
        return Stream.of(
                Arguments.of("loading its model → starting, not serving",
                        new WorkerView("w", 1, 10, 9001, T0, null, null, 0), false, false, 1, 0),
                Arguments.of("/readyz answered 200 → ready since then",
                        new WorkerView("w", 1, 10, 9001, T0, T0.plusSeconds(32), null, 2), true, false, 0, 1),
                Arguments.of("sent SIGTERM → being deleted: neither ready nor starting",
                        new WorkerView("w", 1, 10, 9001, T0, T0.plusSeconds(32), T0.plusSeconds(90), 0), false, true, 0, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workers")
    void maps_the_workers_state_onto_the_pod_fields_the_policies_read(String name, WorkerView w, boolean serving, boolean deleted,
                                                                      int starting, int ready) {
        var pod = PodView.of(w, "local", "infer", 250);
        PodSnapshot s = PodSnapshots.of(pod, null);

        assertThat(s.isServing()).isEqualTo(serving);
        assertThat(s.deleted()).isEqualTo(deleted);
        assertThat(PodSignals.starting(List.of(s))).isEqualTo(starting);
        assertThat(PodSignals.ready(List.of(s))).isEqualTo(ready);
        assertThat(s.startTime()).isEqualTo(T0);
        assertThat(s.requestsMilli()).containsEntry("cpu", 250L);
        if (serving) {
            assertThat(s.ready().lastTransition()).as("the HPA's readiness delay counts from here").isEqualTo(T0.plusSeconds(32));
        }
        assertThat(pod.getMetadata().getLabels()).containsEntry("app", "infer");
        assertThat(pod.getMetadata().getAnnotations()).containsEntry(DeletionCosts.ANNOTATION, Integer.toString(w.deletionCost()));
    }
}
