package io.greenscale.analysis.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionsTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static String line(double daemonT, Instant time, int current, int desired, boolean applied) {
        return "{\"t_s\":" + daemonT + ",\"time\":\"" + time + "\",\"target\":\"local/localworkers/inference-app\",\"policy\":\"greenscale\","
                + "\"mode\":\"active\",\"current\":" + current + ",\"desired\":" + desired + ",\"reason\":\"X\",\"applied\":" + applied + "}";
    }

    @Test
    void moves_the_scalers_decisions_onto_the_runs_clock_and_keeps_those_taken_during_the_workload(@TempDir Path dir) throws Exception {
        Path raw = dir.resolve("raw.jsonl");
        Files.write(raw, List.of(
                line(3, T0.minusSeconds(7), 1, 1, false),            // before the load: warm-up
                line(15, T0.plusSeconds(5), 1, 3, true),
                line(20, T0.plusSeconds(10), 3, 3, false),
                "{\"t_s\":25,\"time\":\"" + T0.plusSeconds(15) + "\",\"cur",  // cut short when the scaler stopped
                line(55, T0.plusSeconds(45), 3, 2, true),
                line(80, T0.plusSeconds(70), 2, 1, true)));          // after the workload: the drain
        Path out = dir.resolve("decisions.jsonl");

        Decisions.Copied copied = Decisions.rebase(raw, out, T0, 60);

        assertThat(copied).isEqualTo(new Decisions.Copied(3, 1, 1));
        List<String> lines = Files.readAllLines(out);
        assertThat(new ObjectMapper().readTree(lines.get(0)).get("t_s").asDouble()).isEqualTo(5.0);
        assertThat(new ObjectMapper().readTree(lines.get(2)).get("t_s").asDouble()).isEqualTo(45.0);
        assertThat(lines.get(0)).contains("\"policy\":\"greenscale\"");
    }
}
