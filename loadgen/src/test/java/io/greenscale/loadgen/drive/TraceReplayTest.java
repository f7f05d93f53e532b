package io.greenscale.loadgen.drive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenscale.loadgen.profile.Arrivals;
import io.greenscale.loadgen.profile.Trace;
import io.greenscale.loadgen.profile.TraceReader;
import io.greenscale.loadgen.record.RunDirectory;
import io.greenscale.loadgen.record.TimeseriesRow;
import io.greenscale.loadgen.serve.StallingServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A per-request trace replayed over HTTP: per-second counts follow the scaled trace, bodies carry its columns. */
class TraceReplayTest {

    @TempDir
    Path tmp;

    @Test
    void replayReproducesScaledPerSecondCountsAndFillsBodiesFromColumns() throws Exception {
        // 4 seconds of trace holding 30, 10, 50 and 20 requests.
        StringBuilder csv = new StringBuilder("t_ms,input_tokens,user\n");
        int[] perSecond = {30, 10, 50, 20};
        int row = 0;
        for (int s = 0; s < perSecond.length; s++) {
            for (int i = 0; i < perSecond[s]; i++) {
                csv.append(s * 1000 + i * 1000 / perSecond[s]).append(',').append(100 + row).append(",u").append(row % 3).append('\n');
                row++;
            }
        }
        Path file = tmp.resolve("trace.csv");
        Files.writeString(file, csv);
        Trace trace = TraceReader.read(file);
        BodyTemplate body = BodyTemplate.parse("{\"inputs\": [[{input_tokens}]], \"user\": \"{user}\"}", trace.columns(), true);
        Queue<String> bodies = new ConcurrentLinkedQueue<>();

        try (StallingServer server = StallingServer.recording(0, bodies::add);
             HttpTarget target = new HttpTarget(URI.create(server.url()), "POST", List.of("Content-Type", "application/json"),
                     Duration.ofSeconds(5), 64)) {
            // Rate scale 2 and time scale 0.5: the 4 s trace plays in 2 s, every request twice.
            Runs.run(new LoadRun.Open(Arrivals.replay(trace, 2, 0.5), Duration.ofSeconds(2), body), target, 64,
                    Duration.ofSeconds(5), tmp.resolve("run"));
        }

        List<TimeseriesRow> rows = RunDirectory.open(tmp.resolve("run")).readTimeseries();
        assertThat(rows.get(0).arrivals()).isEqualTo(2 * (30 + 10));
        assertThat(rows.get(1).arrivals()).isEqualTo(2 * (50 + 20));
        assertThat(rows.stream().mapToLong(TimeseriesRow::completions).sum()).isEqualTo(220);

        ObjectMapper json = new ObjectMapper();
        assertThat(bodies).hasSize(220);
        JsonNode first = json.readTree(bodies.stream().filter(b -> b.contains("[[100]]")).findFirst().orElseThrow());
        assertThat(first.get("user").asText()).isEqualTo("u0");
        assertThat(bodies.stream().filter(b -> b.contains("[[209]]"))).as("each request sent twice").hasSize(2);
    }
}
