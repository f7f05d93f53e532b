package io.greenscale.analysis.write.html;

import static j2html.TagCreator.a;
import static j2html.TagCreator.attrs;
import static j2html.TagCreator.body;
import static j2html.TagCreator.dd;
import static j2html.TagCreator.dl;
import static j2html.TagCreator.document;
import static j2html.TagCreator.dt;
import static j2html.TagCreator.each;
import static j2html.TagCreator.h1;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.head;
import static j2html.TagCreator.html;
import static j2html.TagCreator.iff;
import static j2html.TagCreator.li;
import static j2html.TagCreator.meta;
import static j2html.TagCreator.nav;
import static j2html.TagCreator.p;
import static j2html.TagCreator.rawHtml;
import static j2html.TagCreator.section;
import static j2html.TagCreator.style;
import static j2html.TagCreator.title;
import static j2html.TagCreator.ul;

import io.greenscale.analysis.compute.Analysis;
import io.greenscale.analysis.compute.Scorecard;
import io.greenscale.analysis.write.plot.Plot;
import io.greenscale.analysis.write.plot.Plots;
import j2html.tags.DomContent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * report.html: one self-contained page (styles inlined, charts as inline SVG, nothing fetched),
 * built as an escaped tree with j2html rather than concatenated strings.
 */
public final class ReportPage {
    private ReportPage() {}

    public static String render(Analysis analysis, Map<String, Plot> plots, String title, Instant generatedAt, List<String> notes) {
        boolean competing = !analysis.rankings().isEmpty() && analysis.rankings().stream().anyMatch(r -> r.best() != null);
        return document(html(head(meta().withCharset("utf-8"),
                        meta().withName("viewport").withContent("width=device-width, initial-scale=1"),
                        title(title), style(rawHtml(Css.STYLE))),
                body(h1(title),
                        p(attrs(".meta"), "Generated " + generatedAt + " from " + analysis.scorecards().size() + " runs in "
                                + analysis.scenarios().size() + " scenario(s)."),
                        contents(analysis, competing),
                        iff(competing, HeadlineSection.of(analysis)),
                        each(analysis.scenarios(), s -> ScenarioSection.of(s, analysis, plots)),
                        iff(!analysis.shadows().isEmpty(), ShadowSection.of(analysis.shadows(), plots)),
                        iff(!analysis.fidelity().isEmpty(), FidelitySection.of(analysis.fidelity(), plots)),
                        RunsSection.of(analysis.scorecards()),
                        definitions(),
                        notes(analysis, notes)))
                .withLang("en"));
    }

    private static DomContent contents(Analysis analysis, boolean competing) {
        List<DomContent> items = new ArrayList<>();
        if (competing) {
            items.add(li(a("Headline").withHref("#headline")));
        }
        analysis.scenarios().forEach(s -> items.add(li(a(s.title()).withHref("#scenario-" + Plots.slug(s.name())))));
        if (!analysis.shadows().isEmpty()) {
            items.add(li(a("Shadow mode").withHref("#shadow")));
        }
        if (!analysis.fidelity().isEmpty()) {
            items.add(li(a("Simulator fidelity").withHref("#fidelity")));
        }
        items.add(li(a("Runs").withHref("#runs")));
        items.add(li(a("Definitions").withHref("#definitions")));
        return nav(ul(each(items, i -> i)));
    }

    private static DomContent definitions() {
        return section(attrs("#definitions"), h2("Definitions"),
                dl(each(Definitions.TERMS, t -> each(dt(t.name()), dd(t.meaning())))));
    }

    private static DomContent notes(Analysis analysis, List<String> notes) {
        List<String> all = new ArrayList<>(notes);
        for (Scorecard c : analysis.scorecards()) {
            switch (c.latencySource()) {
                case TIMESERIES -> all.add(c.run() + ": latency figures are estimated from per-second percentiles (no latency log).");
                case NONE -> all.add(c.run() + ": no latency was recorded; latency figures are left out.");
                case HLOG -> { }
            }
        }
        return section(attrs("#notes"), h2("Notes"),
                all.isEmpty() ? p("Every run had every file the scorecard reads.") : ul(each(all, n -> li(n))));
    }
}
