package io.greenscale.analysis.experiment;

import io.greenscale.loadgen.record.LatencyLog;
import io.greenscale.loadgen.record.RunDirectory;
import io.greenscale.loadgen.record.RunInfo;
import io.greenscale.loadgen.record.TimeseriesCsv;
import io.greenscale.loadgen.record.TimeseriesRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Writes an experiment's run directory from what its parts recorded: timeseries.csv ({@link Merge}),
 * latency.hlog and summary.json (the load generator's, cut at the workload's end), decisions.jsonl
 * (the scaler's, on the run's clock), jobs.csv and cpu.csv (for the calibration), and the final
 * run.json with where every job ended up. The parts' own files stay beside them
 * ({@code loadgen/}, {@code scaler/}, {@code workers/}).
 */
final class RunFiles {
    /** What was written: the job accounting and the decisions copied. */
    public record Written(JobLedger ledger, Decisions.Copied decisions, int seconds) {}

    private RunFiles() {}

    static Written write(RunDirectory dir, ExperimentPlan plan, RunInfo info, Instant start, List<Sample> samples, ReplicaTimeline timeline,
                         JobLedger ledger, Path scalerDecisions) {
        RunDirectory loadgen = RunDirectory.open(dir.path().resolve("loadgen"));
        double durationSeconds = plan.duration().toMillis() / 1000.0;
        // Whole seconds only, as the simulator records them: a last partial second would have no twin to compare with.
        long seconds = Math.max(1, (long) Math.floor(durationSeconds));
        List<TimeseriesRow> rows = Merge.rows(loadgen.readTimeseries(), samples, timeline, start, seconds, plan.worker().cpuRequestMilli());
        try (TimeseriesCsv csv = dir.createTimeseries()) {
            rows.forEach(csv::write);
        }
        try (LatencyLog log = dir.createLatencyLog(start)) {
            for (Histogram h : LatencyLog.read(loadgen.file(RunDirectory.LATENCY_HLOG))) {
                double from = (h.getStartTimeStamp() - start.toEpochMilli()) / 1000.0;
                double to = (h.getEndTimeStamp() - start.toEpochMilli()) / 1000.0;
                if (from < durationSeconds) {
                    log.append(h, Math.max(0, from), to);
                }
            }
        }
        if (Files.isRegularFile(loadgen.file(RunDirectory.SUMMARY_JSON))) {
            dir.writeSummary(loadgen.readSummary());
        }
        Decisions.Copied decisions = Decisions.rebase(scalerDecisions, dir.file(RunDirectory.DECISIONS_JSONL), start, durationSeconds);
        JobRow.write(dir.file(JobRow.FILE), ledger.rows());
        CpuRow.write(dir.file(CpuRow.FILE), cpuRows(samples, timeline, start));
        dir.writeRunInfo(info.endedAt(Instant.now()).put("jobs", ledger.asMap())
                .put("decisions", Map.of("count", decisions.decisions(), "scale_ups", decisions.scaleUps(), "scale_downs", decisions.scaleDowns())));
        return new Written(ledger, decisions, rows.size());
    }

    private static List<CpuRow> cpuRows(List<Sample> samples, ReplicaTimeline timeline, Instant start) {
        List<CpuRow> out = new ArrayList<>();
        for (Sample s : samples) {
            Map<String, ReplicaTimeline.State> states = timeline.states(start.plusSeconds(s.second() + 1));
            s.coresByWorker().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                ReplicaTimeline.State state = states.get(e.getKey());
                if (state != null && state != ReplicaTimeline.State.GONE) {
                    out.add(new CpuRow(s.second(), e.getKey(), state.name().toLowerCase(java.util.Locale.ROOT),
                            Math.round(e.getValue() * 10_000) / 10_000.0));
                }
            });
        }
        return out;
    }
}
