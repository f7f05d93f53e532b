package io.greenscale.loadgen.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {

    @TempDir
    Path tmp;

    static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void runJsonHoldsSchemaKindVersionsAndWhatTheProducerAdded() {
        RunDirectory run = RunDirectory.create(tmp.resolve("r"));
        run.writeRunInfo(RunInfo.of(RunInfo.Kind.SIMULATION, START).seed(7).durationSeconds(600)
                .workload(Map.of("profile", "constant")).sloP95Millis(250).closedLoop(false).put("replicas_max", 10));

        Map<String, Object> info = RunDirectory.open(tmp.resolve("r")).readRunInfo();
        assertThat(info).containsEntry("schema", "greenscale-run/1").containsEntry("kind", "simulation")
                .containsEntry("started_at", "2026-11-22T10:00:00Z").containsEntry("seed", 7)
                .containsEntry("duration_s", 600.0).containsEntry("slo", Map.of("p95_ms", 250.0))
                .containsEntry("closed_loop", false).containsEntry("replicas_max", 10);
        assertThat(((Map<?, ?>) info.get("versions")).keySet()).map(String::valueOf).containsExactly("greenscale", "java");
    }

    @Test
    void rewritingRunJsonReplacesIt() {
        RunDirectory run = RunDirectory.create(tmp.resolve("r"));
        RunInfo info = RunInfo.of(RunInfo.Kind.LOADGEN, START);
        run.writeRunInfo(info);
        run.writeRunInfo(info.durationSeconds(12.5));
        assertThat(run.readRunInfo()).containsEntry("duration_s", 12.5);
        assertThat(tmp.resolve("r/run.json.tmp")).doesNotExist();
    }

    @Test
    void refusesToOverwriteAnotherRun() {
        RunDirectory.create(tmp.resolve("r")).writeRunInfo(RunInfo.of(RunInfo.Kind.LOADGEN, START));
        assertThatThrownBy(() -> RunDirectory.create(tmp.resolve("r")))
                .hasMessageContaining("already holds a run");
    }

    @Test
    void openRefusesADirectoryWithoutRunJson() {
        assertThatThrownBy(() -> RunDirectory.open(tmp)).hasMessageContaining("is not a run directory");
    }

    @Test
    void summaryRoundTripsInSnakeCase() throws Exception {
        RunDirectory run = RunDirectory.create(tmp.resolve("r"));
        Histogram h = new Histogram(3);
        h.recordValue(1500);
        h.recordValue(250_000);
        RunSummary summary = new RunSummary(20.5, new RunSummary.Requests(1000, 1000, 990, 10, 4, 0), 50, 48.3,
                LatencyStats.ofMicros(h), null, LatencyStats.ofMicros(new Histogram(3)), Map.of("timeout", 4L, "status_503", 6L), false);

        run.writeSummary(summary);

        String json = Files.readString(run.file("summary.json"));
        assertThat(json).contains("\"duration_s\" : 20.5", "\"achieved_rate_per_s\" : 48.3", "\"latency_ms\"", "\"p999\"",
                "\"scheduling_error_ms\"", "\"status_503\" : 6").doesNotContain("service_time_ms");
        assertThat(run.readSummary()).isEqualTo(summary);
        assertThat(summary.latencyMs().max()).as("3 significant digits").isCloseTo(250.0, org.assertj.core.api.Assertions.within(0.25));
    }

    record Line(double tS, int observedReplicas, String clampedBy) {}

    @Test
    void jsonLinesAreOneSnakeCaseObjectPerLine() throws Exception {
        RunDirectory run = RunDirectory.create(tmp.resolve("r"));
        try (JsonLines lines = run.createDecisions()) {
            lines.write(new Line(0, 2, null));
            lines.write(new Line(15, 3, "step_limit"));
        }
        assertThat(Files.readAllLines(run.file("decisions.jsonl"))).containsExactly(
                "{\"t_s\":0.0,\"observed_replicas\":2}",
                "{\"t_s\":15.0,\"observed_replicas\":3,\"clamped_by\":\"step_limit\"}");
    }

    @Test
    void defaultPathNamesKindAndUtcTime() {
        assertThat(RunDirectory.defaultPath(RunInfo.Kind.LOADGEN, START)).isEqualTo(Path.of("runs/loadgen-20261122-100000"));
    }
}
