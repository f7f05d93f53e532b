package io.greenscale.analysis.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.greenscale.analysis.experiment.WorkerEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColdStartFitTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static WorkerEvent at(double s, String event, String worker) {
        return new WorkerEvent(T0.plusMillis(Math.round(s * 1000)), event, worker, 1L, null, null, null, null, null);
    }

    static WorkerEvent scale(double s, int from, int to, double decidedAt) {
        return new WorkerEvent(T0.plusMillis(Math.round(s * 1000)), "scale", null, null, from, to, null, null,
                T0.plusMillis(Math.round(decidedAt * 1000)));
    }

    @Test
    void measures_spawn_to_ready_and_decision_to_spawn() {
        List<WorkerEvent> log = List.of(
                new WorkerEvent(T0, "scale", null, null, 0, 1, null, null, null), at(0, "spawn", "a"), at(32, "ready", "a"),
                scale(60.05, 1, 3, 60), at(60.05, "spawn", "b"), at(60.05, "spawn", "c"), at(94, "ready", "b"), at(96.05, "ready", "c"),
                scale(200.2, 3, 2, 200), at(200.2, "terminate", "c"));

        ColdStartFit fit = ColdStartFit.of(log);

        assertThat(fit.starts()).isEqualTo(3);
        assertThat(fit.coldStartSeconds()).isCloseTo(33.95, within(1e-9));
        assertThat(fit.minSeconds()).isEqualTo(32.0);
        assertThat(fit.maxSeconds()).isEqualTo(36.0);
        assertThat(fit.jitter()).as("half the 4 s range over the median").isCloseTo(2 / 33.95, within(1e-9));
        assertThat(fit.scaleUps()).as("a scale-down is not a scheduling sample").isEqualTo(1);
        assertThat(fit.schedulingSeconds()).isCloseTo(0.05, within(1e-9));
    }

    @Test
    void without_a_single_ready_worker_there_is_nothing_to_fit() {
        assertThatThrownBy(() -> ColdStartFit.of(List.of(at(0, "spawn", "a"), at(5, "exit", "a"))))
                .hasMessageContaining("no worker became ready");
    }
}
