package io.greenscale.analysis.write;

import io.greenscale.analysis.compute.Overrides;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How a report is written.
 *
 * @param summary     what a row of summary.csv is
 * @param overrides   price, GPUs per replica and SLO given on the command line in place of run.json's
 * @param generatedAt the time stamped on the page (passed in: the writer reads no clock)
 * @param title       the page's title
 * @param notes       said on the page under "Notes" (e.g. what the reader had to skip)
 * @param plots       false to skip the charts (tables and CSVs only)
 */
public record ReportOptions(Summary summary, Overrides overrides, Instant generatedAt, String title, List<String> notes, boolean plots) {

    /** One row of summary.csv per policy × scenario (compare) or per run (report). */
    public enum Summary { PER_POLICY, PER_RUN }

    public ReportOptions {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(overrides, "overrides");
        Objects.requireNonNull(generatedAt, "generatedAt");
        generatedAt = generatedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS); // a page shows seconds, not nanoseconds
        Objects.requireNonNull(title, "title");
        notes = List.copyOf(notes);
    }

    /** For {@code greenscale compare}: summary.csv holds the aggregates. */
    public static ReportOptions compare(Instant generatedAt) {
        return new ReportOptions(Summary.PER_POLICY, Overrides.NONE, generatedAt, "GreenScale against HPA and KEDA", List.of(), true);
    }

    /** For {@code greenscale report}: summary.csv holds one row per run. */
    public static ReportOptions runs(Instant generatedAt) {
        return new ReportOptions(Summary.PER_RUN, Overrides.NONE, generatedAt, "GreenScale report", List.of(), true);
    }

    public ReportOptions withOverrides(Overrides o) {
        return new ReportOptions(summary, o, generatedAt, title, notes, plots);
    }

    public ReportOptions withTitle(String t) {
        return new ReportOptions(summary, overrides, generatedAt, t, notes, plots);
    }

    public ReportOptions withNotes(List<String> n) {
        return new ReportOptions(summary, overrides, generatedAt, title, n, plots);
    }

    public ReportOptions withPlots(boolean p) {
        return new ReportOptions(summary, overrides, generatedAt, title, notes, p);
    }
}
