package io.greenscale.analysis.write.html;

import static j2html.TagCreator.attrs;
import static j2html.TagCreator.each;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.h3;
import static j2html.TagCreator.iff;
import static j2html.TagCreator.li;
import static j2html.TagCreator.p;
import static j2html.TagCreator.section;
import static j2html.TagCreator.table;
import static j2html.TagCreator.tbody;
import static j2html.TagCreator.td;
import static j2html.TagCreator.th;
import static j2html.TagCreator.thead;
import static j2html.TagCreator.tr;
import static j2html.TagCreator.ul;

import io.greenscale.analysis.compute.Aggregate;
import io.greenscale.analysis.compute.Analysis;
import io.greenscale.analysis.compute.Metric;
import io.greenscale.analysis.compute.Ranking;
import io.greenscale.analysis.compute.Scenario;
import io.greenscale.analysis.compute.Tradeoff;
import io.greenscale.analysis.write.Format;
import io.greenscale.analysis.write.Sentences;
import io.greenscale.analysis.write.plot.Plot;
import io.greenscale.analysis.write.plot.Plots;
import j2html.tags.DomContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One scenario: what it is, its aggregate scorecard with intervals, what extra cost bought, its charts. */
final class ScenarioSection {
    private ScenarioSection() {}

    static DomContent of(Scenario s, Analysis analysis, Map<String, Plot> plots) {
        List<Aggregate> rows = analysis.aggregates(s.name());
        List<Metric> columns = columns(rows);
        Aggregate best = analysis.rankings().stream().filter(r -> r.scenario().equals(s.name())).findFirst()
                .map(Ranking::best).orElse(null);
        List<Tradeoff> tradeoffs = analysis.tradeoffs().stream().filter(t -> t.scenario().equals(s.name())).toList();
        List<DomContent> figures = new ArrayList<>();
        for (Plots.Kind k : Plots.Kind.values()) {
            Plot plot = plots.get(Plots.key(s.name(), k));
            if (plot != null) {
                figures.add(Cells.figureOf(plot));
            }
        }
        return section(attrs("#scenario-" + Plots.slug(s.name())),
                h2(s.title()),
                p(attrs(".meta"), meta(s, rows)),
                iff(s.description() != null, p(s.description() == null ? "" : s.description())),
                table(thead(tr(th("policy"), th("runs"), each(columns, m -> th(m.label())))),
                        tbody(each(rows, a -> tr(
                                td(a.policy()).withCondClass(a == best, "best"),
                                td(String.valueOf(a.runs().size())),
                                each(columns, m -> Cells.estimate(m, a.get(m))))))),
                iff(!tradeoffs.isEmpty(), h3("What the extra cost bought")),
                iff(!tradeoffs.isEmpty(), ul(each(tradeoffs, t -> li(Sentences.tradeoff(t))))),
                each(figures, f -> f));
    }

    /** The figures worth a column here: those at least one policy of the scenario has. */
    private static List<Metric> columns(List<Aggregate> rows) {
        boolean gpu = rows.stream().anyMatch(a -> a.mean(Metric.GPU_HOURS) != null && a.mean(Metric.GPU_HOURS) > 0);
        return List.of(Metric.SLO_ATTAINMENT, Metric.VIOLATION_SECONDS, Metric.P50_MS, Metric.P95_MS, Metric.P99_MS,
                        gpu ? Metric.GPU_HOURS : Metric.REPLICA_SECONDS, Metric.COST, Metric.COST_VS_ORACLE, Metric.SCALE_EVENTS,
                        Metric.REVERSALS, Metric.REACT_SECONDS, Metric.INTERRUPTED, Metric.DROPPED).stream()
                .filter(m -> rows.stream().anyMatch(a -> a.mean(m) != null)).toList();
    }

    private static String meta(Scenario s, List<Aggregate> rows) {
        List<String> parts = new ArrayList<>();
        parts.add("scenario " + s.name());
        parts.add(s.sloP95Millis() == null ? "no latency SLO recorded" : "SLO: p95 ≤ " + Format.human(s.sloP95Millis()) + " ms");
        int most = rows.stream().mapToInt(a -> a.runs().size()).max().orElse(0);
        parts.add(most <= 1 ? "one run per policy (no intervals)" : "up to " + most + " runs per policy; mean ± 95 % CI");
        String steps = s.events().stream().filter(e -> "load_step".equals(e.kind()))
                .map(e -> Format.human(e.tSeconds()) + " s").collect(Collectors.joining(", "));
        if (!steps.isEmpty()) {
            parts.add("load step at " + steps);
        }
        return String.join(" · ", parts);
    }
}
