package io.greenscale.analysis.write.html;

import static j2html.TagCreator.attrs;
import static j2html.TagCreator.details;
import static j2html.TagCreator.div;
import static j2html.TagCreator.each;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.section;
import static j2html.TagCreator.summary;
import static j2html.TagCreator.table;
import static j2html.TagCreator.tbody;
import static j2html.TagCreator.td;
import static j2html.TagCreator.th;
import static j2html.TagCreator.thead;
import static j2html.TagCreator.tr;

import io.greenscale.analysis.compute.Metric;
import io.greenscale.analysis.compute.Scorecard;
import io.greenscale.analysis.write.Format;
import j2html.tags.DomContent;
import java.util.List;
import java.util.Locale;

/** Every run's own scorecard, folded away: runs.csv has every field. */
final class RunsSection {
    private static final List<Metric> COLUMNS = List.of(Metric.SLO_ATTAINMENT, Metric.VIOLATION_SECONDS, Metric.P95_MS,
            Metric.REPLICA_SECONDS, Metric.COST, Metric.COST_VS_ORACLE, Metric.SCALE_EVENTS, Metric.REVERSALS, Metric.REACT_SECONDS,
            Metric.DROPPED);

    private RunsSection() {}

    static DomContent of(List<Scorecard> cards) {
        return section(attrs("#runs"), h2("Runs"),
                details(summary("Each run's scorecard (" + cards.size() + " runs; runs.csv has every field)"),
                        div(attrs(".wide"), table(
                                thead(tr(th("run"), th("policy"), th("seed"), each(COLUMNS, m -> th(m.label())), th("latency from"))),
                                tbody(each(cards, c -> tr(td(c.run()), td(c.policyLabel()), td(c.seed() == null ? Format.MISSING : c.seed().toString()),
                                        each(COLUMNS, m -> Cells.number(m, m.of(c))),
                                        td(c.latencySource().name().toLowerCase(Locale.ROOT)))))))));
    }
}
