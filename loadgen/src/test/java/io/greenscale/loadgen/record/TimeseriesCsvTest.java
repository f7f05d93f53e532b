package io.greenscale.loadgen.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeseriesCsvTest {

    @TempDir
    Path dir;

    @Test
    void writesTheExactHeaderAndEmptyCellsForWhatWasNotMeasured() throws IOException {
        Path file = dir.resolve("timeseries.csv");
        try (TimeseriesCsv csv = TimeseriesCsv.create(file)) {
            csv.write(TimeseriesRow.builder(0).arrivals(100).sent(100).completions(98).errors(2).dropped(0).inFlight(3)
                    .latencyMillis(1.2345678, 12.5, 40.0).build());
            csv.write(TimeseriesRow.builder(1).arrivals(0).desiredReplicas(3).readyReplicas(2).startingReplicas(1)
                    .cpu(0.71234567).gpu(1.0).build());
        }

        assertThat(Files.readAllLines(file)).containsExactly(
                "t_s,arrivals,sent,completions,errors,dropped,interrupted,backlog,in_flight,desired_replicas,ready_replicas,"
                        + "starting_replicas,terminating_replicas,cpu,gpu,p50_ms,p95_ms,p99_ms",
                "0,100,100,98,2,0,,,3,,,,,,,1.235,12.5,40.0",
                "1,0,,,,,,,,3,2,1,,0.7123,1.0,,,");
        assertThat(TimeseriesRow.HEADER).isEqualTo(Files.readAllLines(file).getFirst());
    }

    @Test
    void aRunWithNoSecondsStillHasItsHeader() throws IOException {
        Path file = dir.resolve("empty.csv");
        TimeseriesCsv.create(file).close();
        assertThat(Files.readAllLines(file)).containsExactly(TimeseriesRow.HEADER);
    }

    @Test
    void readsBackWhatItWrote() {
        Path file = dir.resolve("t.csv");
        List<TimeseriesRow> rows = List.of(
                TimeseriesRow.builder(0).arrivals(5).completions(5).latencyMillis(0.5, 0.9, 1.0).build(),
                TimeseriesRow.builder(1).backlog(40).cpu(0.25).build());
        try (TimeseriesCsv csv = TimeseriesCsv.create(file)) {
            rows.forEach(csv::write);
        }
        assertThat(TimeseriesCsv.read(file)).containsExactlyElementsOf(rows);
    }
}
