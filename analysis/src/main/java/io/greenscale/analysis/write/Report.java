package io.greenscale.analysis.write;

import io.greenscale.analysis.compute.Analysis;
import io.greenscale.analysis.compute.Scorecard;
import io.greenscale.analysis.compute.Scorecards;
import io.greenscale.analysis.run.RunData;
import io.greenscale.analysis.write.html.ReportPage;
import io.greenscale.analysis.write.plot.Plot;
import io.greenscale.analysis.write.plot.Plots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The analyser's output, for {@code compare}, {@code simulate} and {@code report}:
 *
 * <pre>{@code
 * ReportResult r = Report.write(Path.of("reports/compare-20261122-101500"), runs, ReportOptions.compare(now));
 * System.out.print(Report.table(r.analysis()));                       // the aggregate scorecard, ~130 columns
 * Scorecard card = Report.writeScorecard(runDir, run, options);       // one run: runDir/scorecard.json
 * }</pre>
 *
 * {@link #write} creates {@code outDir} and writes into it:
 * <ul>
 *   <li>{@code summary.csv}: per policy × scenario, each figure's mean and 95 % CI half-width
 *       ({@code *_mean}, {@code *_ci95}); or, with {@link ReportOptions.Summary#PER_RUN}, one row per run</li>
 *   <li>{@code runs.csv}: one row per run, every scorecard field</li>
 *   <li>{@code plots/<scenario>-{replicas,p95,backlog,cost-vs-slo}.{png,svg}}, plus {@code shadow-*} and
 *       {@code fidelity-*} charts where such runs are given</li>
 *   <li>{@code report.html}: self-contained (inline SVG and styles; nothing fetched)</li>
 * </ul>
 * Runs are told apart by {@link RunData#name()}, which must be unique; cost ÷ oracle needs a run
 * with policy {@code oracle} of the same scenario and seed among them. Existing files of these
 * names are replaced; nothing else in {@code outDir} is touched.
 */
public final class Report {
    public static final String SUMMARY_CSV = "summary.csv";
    public static final String RUNS_CSV = "runs.csv";
    public static final String REPORT_HTML = "report.html";
    public static final String PLOTS = "plots";

    private Report() {}

    public static ReportResult write(Path outDir, List<RunData> runs, ReportOptions options) {
        requireUniqueNames(runs);
        Analysis analysis = Analysis.of(runs, options.overrides());
        Path plotDir = outDir.resolve(PLOTS);
        try {
            Files.createDirectories(options.plots() ? plotDir : outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + outDir, e);
        }
        Map<String, Plot> plots = options.plots() ? Plots.render(plotDir, analysis, runs) : Map.of();
        Path runsCsv = outDir.resolve(RUNS_CSV);
        Path summaryCsv = outDir.resolve(SUMMARY_CSV);
        Path html = outDir.resolve(REPORT_HTML);
        CsvFiles.write(runsCsv, ScorecardCsv.RUN_COLUMNS, ScorecardCsv.runRows(analysis.scorecards()));
        switch (options.summary()) {
            case PER_POLICY -> CsvFiles.write(summaryCsv, ScorecardCsv.AGGREGATE_COLUMNS, ScorecardCsv.aggregateRows(analysis.aggregates()));
            case PER_RUN -> CsvFiles.write(summaryCsv, ScorecardCsv.RUN_COLUMNS, ScorecardCsv.runRows(analysis.scorecards()));
        }
        try {
            Files.writeString(html, ReportPage.render(analysis, plots, options.title(), options.generatedAt(), options.notes()),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + html, e);
        }
        return new ReportResult(analysis, outDir, html, summaryCsv, runsCsv, List.copyOf(plots.values()));
    }

    /** The aggregate scorecard as plain text: a block per scenario, a row per policy. */
    public static String table(Analysis analysis) {
        return ScorecardTable.render(analysis);
    }

    /** Computes one run's scorecard (no cost ÷ oracle: there is no oracle run beside it) and writes runDir/scorecard.json. */
    public static Scorecard writeScorecard(Path runDir, RunData run, ReportOptions options) {
        Scorecard card = Scorecards.of(run, options.overrides());
        ScorecardJson.write(runDir, card);
        return card;
    }

    private static void requireUniqueNames(List<RunData> runs) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (RunData r : runs) {
            if (!seen.add(r.name())) {
                throw new IllegalArgumentException("two runs are named '" + r.name() + "'; run names must be unique");
            }
        }
    }
}
