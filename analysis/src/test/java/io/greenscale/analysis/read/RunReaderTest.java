package io.greenscale.analysis.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.greenscale.analysis.compute.Overrides;
import io.greenscale.analysis.compute.Scorecard;
import io.greenscale.analysis.compute.Scorecards;
import io.greenscale.analysis.run.RunData;
import io.greenscale.loadgen.record.JsonLines;
import io.greenscale.loadgen.record.LatencyLog;
import io.greenscale.loadgen.record.RunDirectory;
import io.greenscale.loadgen.record.RunInfo;
import io.greenscale.loadgen.record.TimeseriesCsv;
import io.greenscale.loadgen.record.TimeseriesRow;
import io.greenscale.policy.DecisionRecord;
import io.greenscale.policy.Explanation;
import io.greenscale.policy.Explanation.ProposalNote;
import io.greenscale.policy.Explanation.SignalNote;
import io.greenscale.policy.Explanation.StepNote;
import io.greenscale.policy.Explanation.Vote;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReaderTest {
    static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path tmp;

    static final List<TimeseriesRow> ROWS = List.of(
            TimeseriesRow.builder(0).arrivals(10).sent(10).completions(9).errors(0).dropped(1).interrupted(0).backlog(2).inFlight(3)
                    .desiredReplicas(2).readyReplicas(1).startingReplicas(1).terminatingReplicas(0).cpu(0.5).gpu(0.75)
                    .latencyMillis(120.0, 340.0, 410.0).build(),
            TimeseriesRow.builder(1).arrivals(12).completions(0).backlog(14).desiredReplicas(3).readyReplicas(1).build());

    /** A decision as the policy core builds it: signals, proposals, a winner and a clamping step, some fields null. */
    static DecisionRecord decision(double tS, int current, int desired, Integer observed) {
        Explanation why = new Explanation(
                List.of(new SignalNote("queue_depth", 14.0, 12.5, 0.4, "ok", null), new SignalNote("gpu", null, null, null, "absent", "no DCGM")),
                List.of(new ProposalNote("queue", desired + 1, Vote.FULL, "drain 14 in 30 s"), new ProposalNote("gpu", 1, Vote.NONE, null)),
                "queue", desired + 1, List.of(new StepNote("step_limit", desired + 1, desired, "max +1 per 15 s")));
        return new DecisionRecord(tS, START.plusSeconds((long) tS).toString(), "default/deployment/infer", "greenscale",
                observed == null ? "simulated" : "shadow", current, desired, "STEP_LIMIT", "step_limit", observed, observed == null,
                Map.of("queue", desired + 1, "gpu", 1), why);
    }

    Path writeRun(String name, boolean timeseries, boolean decisions, boolean latency) {
        RunDirectory run = RunDirectory.create(tmp.resolve(name));
        run.writeRunInfo(RunInfo.of(RunInfo.Kind.SIMULATION, START).seed(7).sloP95Millis(500).durationSeconds(2)
                .policy(Map.of("name", "greenscale")).put("scenario", Map.of("name", "load-step", "title", "Load step ×3"))
                .put("cost", Map.of("gpus_per_replica", 1, "price_per_gpu_hour", 2.5))
                .put("events", List.of(Map.of("t_s", 1, "kind", "load_step"))));
        if (timeseries) {
            try (TimeseriesCsv ts = run.createTimeseries()) {
                ROWS.forEach(ts::write);
            }
        }
        if (decisions) {
            try (JsonLines lines = run.createDecisions()) {
                lines.write(decision(0, 1, 2, null));
                lines.write(decision(1, 2, 3, null));
            }
        }
        if (latency) {
            try (LatencyLog log = run.createLatencyLog(START)) {
                Histogram first = new Histogram(3);
                first.recordValueWithCount(120_000, 8);
                first.recordValueWithCount(900_000, 1);
                log.append(first, 0, 1);
                log.append(new Histogram(3), 1, 2);
            }
        }
        return run.path();
    }

    @Test
    void readsEveryFileOfARunDirectoryWrittenByTheRecordPackage() {
        ReadRun read = RunReader.read(writeRun("sim-1", true, true, true));
        RunData run = read.run();
        assertThat(run.name()).isEqualTo("sim-1");
        assertThat(run.info()).containsEntry("kind", "simulation").containsEntry("seed", 7)
                .containsEntry("scenario", Map.of("name", "load-step", "title", "Load step ×3"));
        assertThat(run.seconds()).isEqualTo(ROWS);
        assertThat(run.latencyMicros().getTotalCount()).isEqualTo(9);
        assertThat(run.decisions()).containsExactly(decision(0, 1, 2, null), decision(1, 2, 3, null));
        assertThat(read.notes()).isEmpty();
    }

    @Test
    void readsDecisionsWrittenWithNullsAsTheDaemonsLogDoes() throws Exception {
        Path dir = writeRun("shadow-1", false, false, false);
        ObjectMapper daemonFormat = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
        DecisionRecord d = decision(15, 2, 3, 2);
        String line = daemonFormat.writeValueAsString(d);
        assertThat(line).contains("\"t_s\":15.0", "\"observed_replicas\":2", "\"clamped_by\":\"step_limit\"", "\"detail\":null");
        Files.writeString(dir.resolve("decisions.jsonl"), line + "\n");
        assertThat(RunReader.read(dir).run().decisions()).containsExactly(d);
    }

    @Test
    void aDecisionWithoutProposalsOrListsReadsThemAsEmpty() throws Exception {
        Path dir = writeRun("r", false, false, false);
        Files.writeString(dir.resolve("decisions.jsonl"), """
                {"t_s":3,"time":"2026-11-22T10:00:03Z","target":"t","policy":"hpa-cpu70","mode":"simulated","current":1,"desired":2,"reason":"SCALE_UP","applied":true,"why":{"winner":"cpu","recommended":2}}
                """);
        DecisionRecord d = RunReader.read(dir).run().decisions().getFirst();
        assertThat(d.proposals()).isEmpty();
        assertThat(d.why().signals()).isEmpty();
        assertThat(d.why().steps()).isEmpty();
        assertThat(d.desired()).isEqualTo(2);
    }

    @Test
    void malformedDecisionLinesAreSkippedAndNamedWhileTheRestCount() throws Exception {
        Path dir = writeRun("r", true, true, false);
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("decisions.jsonl")));
        lines.add(1, "{\"t_s\": 0.5, \"current\": ");
        lines.add("not json at all");
        Files.write(dir.resolve("decisions.jsonl"), lines);
        ReadRun read = RunReader.read(dir);
        assertThat(read.run().decisions()).hasSize(2);
        assertThat(read.notes()).hasSize(2);
        assertThat(read.notes().get(0)).startsWith("r/decisions.jsonl line 2 skipped: Unexpected end-of-input");
        assertThat(read.notes().get(1)).startsWith("r/decisions.jsonl line 4 skipped: Unrecognized token 'not'");
    }

    @Test
    void missingOptionalFilesLeaveTheirPartsEmptyAndSaySo() {
        ReadRun read = RunReader.read(writeRun("bare", false, false, false));
        assertThat(read.run().seconds()).isEmpty();
        assertThat(read.run().decisions()).isEmpty();
        assertThat(read.run().latencyMicros().getTotalCount()).isZero();
        assertThat(read.notes()).singleElement().asString().contains("no timeseries.csv");
    }

    @Test
    void withoutALatencyLogTheScorecardEstimatesFromTheSeconds() {
        RunData run = RunReader.read(writeRun("no-hlog", true, true, false)).run();
        Scorecard c = Scorecards.of(run, Overrides.NONE);
        assertThat(c.latencySource()).isEqualTo(Scorecard.LatencySource.TIMESERIES);
        assertThat(c.completed()).isEqualTo(9);
        assertThat(c.scaleEvents()).isEqualTo(2);
        assertThat(c.reactSeconds()).isEqualTo(0.0);
        assertThat(c.violationSeconds()).as("second 1 has a backlog and no completion").isEqualTo(1);
    }

    @Test
    void anUnreadableLatencyLogFallsBackToTheSecondsAndSaysSo() throws Exception {
        Path dir = writeRun("bad-hlog", true, false, true);
        Files.writeString(dir.resolve("latency.hlog"), "#[StartTime: 0]\n0.000,1.000,9.000,HISTFAAAAnotbase64!!\n");
        ReadRun read = RunReader.read(dir);
        assertThat(read.run().latencyMicros().getTotalCount()).isZero();
        assertThat(read.notes()).singleElement().asString().startsWith("bad-hlog: latency.hlog is unreadable (")
                .endsWith("latency figures are estimated from timeseries.csv instead");
        assertThat(Scorecards.of(read.run(), Overrides.NONE).latencySource()).isEqualTo(Scorecard.LatencySource.TIMESERIES);
    }

    @Test
    void aDirectoryWithoutRunJsonIsRefusedByName() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("not-a-run"));
        assertThatThrownBy(() -> RunReader.read(empty)).isInstanceOf(RunReadException.class)
                .hasMessageContaining("not-a-run").hasMessageContaining("not a run directory (no run.json)");
    }

    @Test
    void anUnparseableRunJsonIsRefusedNamingTheFile() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(dir.resolve("run.json"), "{\"kind\": ");
        assertThatThrownBy(() -> RunReader.read(dir)).isInstanceOf(RunReadException.class)
                .hasMessageContaining("broken").hasMessageContaining("cannot read run.json");
    }

    @Test
    void aTimeseriesWithANonNumberIsRefusedNamingTheFile() throws Exception {
        Path dir = writeRun("bad-ts", true, false, false);
        Files.writeString(dir.resolve("timeseries.csv"), TimeseriesRow.HEADER + "\n0,ten,,,,,,,,,,,,,,,,\n");
        assertThatThrownBy(() -> RunReader.read(dir)).isInstanceOf(RunReadException.class)
                .hasMessageContaining("bad-ts").hasMessageContaining("cannot read timeseries.csv");
    }

    @Test
    void runsThatShareADirectoryNameAreToldApartByTheirParent() throws Exception {
        Path a = Files.createDirectories(tmp.resolve("a"));
        Path b = Files.createDirectories(tmp.resolve("b"));
        RunDirectory.create(a.resolve("run")).writeRunInfo(RunInfo.of(RunInfo.Kind.LOADGEN, START));
        RunDirectory.create(b.resolve("run")).writeRunInfo(RunInfo.of(RunInfo.Kind.LOADGEN, START));
        RunDirectory.create(b.resolve("other")).writeRunInfo(RunInfo.of(RunInfo.Kind.LOADGEN, START));
        List<ReadRun> runs = Inputs.read(List.of(a.resolve("run"), b.resolve("run"), b.resolve("other"), a.resolve("run")));
        assertThat(runs).extracting(r -> r.run().name()).containsExactly("a/run", "b/run", "other", "a/run#2");
    }
}
