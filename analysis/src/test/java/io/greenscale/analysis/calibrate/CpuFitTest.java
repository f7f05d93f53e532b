package io.greenscale.analysis.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greenscale.analysis.experiment.CpuRow;
import io.greenscale.loadgen.record.TimeseriesRow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpuFitTest {

    @Test
    void separates_idle_use_from_use_per_busy_slot_and_averages_starting_workers() {
        List<CpuRow> cpu = new ArrayList<>();
        List<TimeseriesRow> seconds = new ArrayList<>();
        for (int t = 0; t < 40; t++) {
            int busy = t % 5; // busy slots per worker, over 2 ready workers
            seconds.add(TimeseriesRow.builder(t).inFlight(2L * busy).readyReplicas(2).build());
            cpu.add(new CpuRow(t, "a", "ready", 0.01 + 0.02 * busy));
            cpu.add(new CpuRow(t, "b", "ready", 0.01 + 0.02 * busy));
            if (t < 5) {
                cpu.add(new CpuRow(t, "c", "starting", 0.8));
            }
        }

        CpuFit fit = CpuFit.of(cpu, seconds);

        assertThat(fit.readySeconds()).isEqualTo(80);
        assertThat(fit.idleCores()).isCloseTo(0.01, within(1e-9));
        assertThat(fit.perBusySlotCores()).isCloseTo(0.02, within(1e-9));
        assertThat(fit.startupCores()).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void use_that_does_not_rise_with_work_is_all_idle() {
        List<CpuRow> cpu = new ArrayList<>();
        List<TimeseriesRow> seconds = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            seconds.add(TimeseriesRow.builder(t).inFlight(t % 2).readyReplicas(1).build());
            cpu.add(new CpuRow(t, "a", "ready", t % 2 == 0 ? 0.012 : 0.008));
        }
        CpuFit fit = CpuFit.of(cpu, seconds);
        assertThat(fit.perBusySlotCores()).isZero();
        assertThat(fit.idleCores()).isCloseTo(0.01, within(1e-9));
        assertThat(fit.startupCores()).isNull();
    }

    @Test
    void too_few_seconds_leave_the_model_to_its_defaults() {
        assertThat(CpuFit.of(List.of(new CpuRow(0, "a", "ready", 0.1)), List.of(TimeseriesRow.builder(0).inFlight(1).readyReplicas(1).build())))
                .satisfies(f -> assertThat(f.idleCores()).isNull());
    }
}
