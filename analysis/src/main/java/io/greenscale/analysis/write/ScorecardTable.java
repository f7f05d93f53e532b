package io.greenscale.analysis.write;

import io.greenscale.analysis.compute.Aggregate;
import io.greenscale.analysis.compute.Analysis;
import io.greenscale.analysis.compute.Metric;
import io.greenscale.analysis.compute.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The aggregate scorecard as plain text for a terminal: one block per scenario, one row per
 * policy, mean ± 95 % CI for the figures that decide a comparison, means for the counts. Each
 * column is as wide as its widest cell, which keeps a block at about 120–140 columns.
 *
 * <pre>
 * load-step — Load step ×3 (SLO: p95 ≤ 500 ms; up to 5 runs per policy; mean ± 95 % CI)
 * policy             SLO %  viol. s     p95 ms         GPU-h  cost      ×oracle events revers. react s interr. dropped
 * greenscale  99.91 ± 0.04    0 ± 0   312 ± 12  1.23 ± 0.05  3.08  1.12 ± 0.03     14       2      18       0       0
 * </pre>
 */
final class ScorecardTable {
    private record Column(Metric metric, boolean withCi) {}

    private static final int WRAP = 120;

    private ScorecardTable() {}

    static String render(Analysis analysis) {
        StringBuilder out = new StringBuilder();
        for (Scenario s : analysis.scenarios()) {
            List<Aggregate> rows = analysis.aggregates(s.name());
            List<Column> columns = columns(rows);
            List<List<String>> cells = new ArrayList<>();
            List<String> header = new ArrayList<>(List.of("policy"));
            columns.forEach(c -> header.add(c.metric().label()));
            cells.add(header);
            for (Aggregate a : rows) {
                List<String> line = new ArrayList<>(List.of(a.policy()));
                columns.forEach(c -> line.add(c.withCi() ? Format.estimate(c.metric(), a.get(c.metric())) : Format.mean(c.metric(), a.mean(c.metric()))));
                cells.add(line);
            }
            int[] widths = new int[header.size()];
            cells.forEach(line -> {
                for (int i = 0; i < line.size(); i++) {
                    widths[i] = Math.max(widths[i], line.get(i).length());
                }
            });
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(heading(s, rows)).append('\n');
            for (List<String> line : cells) {
                StringBuilder text = new StringBuilder(pad(line.getFirst(), widths[0], false));
                for (int i = 1; i < line.size(); i++) {
                    text.append("  ").append(pad(line.get(i), widths[i], true));
                }
                out.append(text.toString().stripTrailing()).append('\n');
            }
            findings(analysis, s.name()).forEach(f -> out.append(wrap(f)));
        }
        return out.toString();
    }

    /** Who won, and what GreenScale's extra cost bought, under the scenario's rows. */
    private static List<String> findings(Analysis analysis, String scenario) {
        List<String> out = new ArrayList<>();
        analysis.rankings().stream().filter(r -> r.scenario().equals(scenario) && r.best() != null && r.ranked().size() > 1)
                .forEach(r -> {
                    out.add("Best: " + Sentences.result(r.best()) + ".");
                    String separations = Sentences.separations(r);
                    if (!separations.isEmpty()) {
                        out.add(separations);
                    }
                });
        analysis.tradeoffs().stream().filter(t -> t.scenario().equals(scenario)).forEach(t -> out.add(Sentences.tradeoff(t)));
        return out;
    }

    /** A sentence as lines of at most {@link #WRAP} columns, the first marked, the rest indented. */
    private static String wrap(String sentence) {
        StringBuilder out = new StringBuilder("  * ");
        int column = 4;
        for (String word : sentence.split(" ")) {
            if (column > 4 && column + 1 + word.length() > WRAP) {
                out.append("\n    ");
                column = 4;
            } else if (column > 4) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
        }
        return out.append('\n').toString();
    }

    /** The capacity column is GPU-h where the runs know their GPUs, replica·s otherwise. */
    private static List<Column> columns(List<Aggregate> rows) {
        boolean gpu = rows.stream().anyMatch(a -> a.mean(Metric.GPU_HOURS) != null && a.mean(Metric.GPU_HOURS) > 0);
        List<Column> c = new ArrayList<>();
        c.add(new Column(Metric.SLO_ATTAINMENT, true));
        c.add(new Column(Metric.VIOLATION_SECONDS, true));
        c.add(new Column(Metric.P95_MS, true));
        c.add(new Column(gpu ? Metric.GPU_HOURS : Metric.REPLICA_SECONDS, true));
        c.add(new Column(Metric.COST, false));
        c.add(new Column(Metric.COST_VS_ORACLE, true));
        for (Metric m : List.of(Metric.SCALE_EVENTS, Metric.REVERSALS, Metric.REACT_SECONDS, Metric.INTERRUPTED, Metric.DROPPED)) {
            c.add(new Column(m, false));
        }
        return c;
    }

    private static String heading(Scenario s, List<Aggregate> rows) {
        int most = rows.stream().mapToInt(a -> a.runs().size()).max().orElse(0);
        String slo = s.sloP95Millis() == null ? "no SLO" : "SLO: p95 ≤ " + Format.human(s.sloP95Millis()) + " ms";
        String title = s.title().equals(s.name()) ? s.name() : s.name() + " — " + s.title();
        return String.format(Locale.ROOT, "%s (%s; %s)", title, slo,
                most <= 1 ? "1 run per policy, no CI" : "up to " + most + " runs per policy; mean ± 95 % CI");
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }
}
