package io.greenscale.analysis.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscale.loadgen.record.TimeseriesRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MergeTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static TimeseriesRow loadgen(long t, long arrivals, long completions, Double p95) {
        return TimeseriesRow.builder(t).arrivals(arrivals).sent(arrivals).completions(completions).errors(0).dropped(0)
                .backlog(99).inFlight(99).latencyMillis(p95 == null ? null : p95 / 2, p95, p95).build();
    }

    @Test
    void takes_each_column_from_its_witness_and_stops_at_the_workloads_end() {
        ReplicaTimeline timeline = new ReplicaTimeline(List.of(
                new WorkerEvent(T0.minusSeconds(10), "scale", null, null, 0, 1, null, null, null),
                new WorkerEvent(T0.minusSeconds(10), "spawn", "a", 1L, null, null, null, null, null),
                new WorkerEvent(T0.minusSeconds(2), "ready", "a", 1L, null, null, null, null, null),
                new WorkerEvent(T0.plusMillis(1500), "scale", null, null, 1, 2, null, null, T0.plusMillis(1500)),
                new WorkerEvent(T0.plusMillis(1500), "spawn", "b", 2L, null, null, null, null, null)));
        List<Sample> samples = List.of(
                new Sample(0, T0.plusSeconds(1), 3, 2, 5, 1, 0, Map.of("a", 0.05)),
                new Sample(1, T0.plusSeconds(2), 4, 2, 10, 3, 2, Map.of("a", 0.10, "b", 0.9)));
        List<TimeseriesRow> loadgen = List.of(loadgen(0, 5, 1, 800.0), loadgen(1, 5, 2, 900.0), loadgen(2, 0, 2, null));

        List<TimeseriesRow> rows = Merge.rows(loadgen, samples, timeline, T0, 2, 250);

        assertThat(rows).hasSize(2);
        TimeseriesRow first = rows.get(0);
        assertThat(first.arrivals()).isEqualTo(5);
        assertThat(first.backlog()).as("LLEN, not the generator's own count").isEqualTo(3);
        assertThat(first.inFlight()).as("the processing lists").isEqualTo(2);
        assertThat(first.interrupted()).isZero();
        assertThat(first.desiredReplicas()).isEqualTo(1);
        assertThat(first.readyReplicas()).isEqualTo(1);
        assertThat(first.cpu()).as("50 millicores of a 250m request").isEqualTo(0.2);
        assertThat(first.p95Ms()).isEqualTo(800.0);
        TimeseriesRow second = rows.get(1);
        assertThat(second.desiredReplicas()).isEqualTo(2);
        assertThat(second.startingReplicas()).isEqualTo(1);
        assertThat(second.cpu()).as("only ready workers count: a starting JVM's CPU is not load").isEqualTo(0.4);
        assertThat(second.interrupted()).as("jobs taken back from a dead worker in this second").isEqualTo(2);
    }
}
