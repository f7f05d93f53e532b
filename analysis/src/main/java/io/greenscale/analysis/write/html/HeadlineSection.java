package io.greenscale.analysis.write.html;

import static j2html.TagCreator.a;
import static j2html.TagCreator.attrs;
import static j2html.TagCreator.b;
import static j2html.TagCreator.each;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.iff;
import static j2html.TagCreator.li;
import static j2html.TagCreator.p;
import static j2html.TagCreator.section;
import static j2html.TagCreator.text;
import static j2html.TagCreator.ul;

import io.greenscale.analysis.compute.Analysis;
import io.greenscale.analysis.compute.Ranking;
import io.greenscale.analysis.compute.Scenario;
import io.greenscale.analysis.write.Sentences;
import io.greenscale.analysis.write.plot.Plots;
import j2html.tags.DomContent;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Which policy wins where, one line per scenario, and what GreenScale's extra cost bought. */
final class HeadlineSection {
    private HeadlineSection() {}

    static DomContent of(Analysis analysis) {
        Map<String, Scenario> scenarios = analysis.scenarios().stream().collect(Collectors.toMap(Scenario::name, Function.identity()));
        return section(attrs("#headline.headline"),
                h2("Headline"),
                p("Per scenario, the policies ranked by SLO-violation seconds, then cost (the oracle and always-max are"
                        + " references, not ranked)."),
                ul(each(analysis.rankings(), r -> line(r, scenarios.get(r.scenario())))),
                iff(!analysis.tradeoffs().isEmpty(), p(b("Where GreenScale costs more than an HPA or KEDA policy: "),
                        text(analysis.tradeoffs().size() + " case(s); each scenario below says what the extra cost bought."))));
    }

    private static DomContent line(Ranking r, Scenario s) {
        String separations = Sentences.separations(r);
        return li(a(s.title()).withHref("#scenario-" + Plots.slug(s.name())), text(": " + Sentences.ranking(r) + "."),
                iff(!separations.isEmpty(), text(" " + separations)));
    }
}
