package io.greenscale.analysis.write;

import io.greenscale.analysis.compute.Analysis;
import io.greenscale.analysis.write.plot.Plot;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Report#write} computed and wrote.
 *
 * @param analysis   the scorecards, aggregates, rankings, trade-offs, shadow and fidelity comparisons
 * @param dir        the report directory
 * @param html       report.html
 * @param summaryCsv summary.csv
 * @param runsCsv    runs.csv
 * @param plots      the charts, in page order (PNG and SVG under dir/plots)
 */
public record ReportResult(Analysis analysis, Path dir, Path html, Path summaryCsv, Path runsCsv, List<Plot> plots) {
    public ReportResult {
        plots = List.copyOf(plots);
    }
}
