package io.greenscale.analysis.write.html;

import static j2html.TagCreator.attrs;
import static j2html.TagCreator.dd;
import static j2html.TagCreator.dl;
import static j2html.TagCreator.dt;
import static j2html.TagCreator.each;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.h3;
import static j2html.TagCreator.iff;
import static j2html.TagCreator.p;
import static j2html.TagCreator.section;
import static j2html.TagCreator.span;
import static j2html.TagCreator.table;
import static j2html.TagCreator.tbody;
import static j2html.TagCreator.td;
import static j2html.TagCreator.th;
import static j2html.TagCreator.thead;
import static j2html.TagCreator.tr;

import io.greenscale.analysis.compute.ShadowComparison;
import io.greenscale.analysis.write.Format;
import io.greenscale.analysis.write.plot.Plot;
import io.greenscale.analysis.write.plot.Plots;
import j2html.tags.DomContent;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** GreenScale in shadow mode beside a live HPA: their replica counts over time, and why GreenScale decided as it did. */
final class ShadowSection {
    private ShadowSection() {}

    static DomContent of(List<ShadowComparison> shadows, Map<String, Plot> plots) {
        return section(attrs("#shadow"), h2("Shadow mode: the HPA against GreenScale"),
                p("GreenScale decided beside a live HPA without applying anything; each tick logged the HPA's replica count"
                        + " next to GreenScale's decision. Replica-seconds integrate each count until the next tick."),
                each(shadows, s -> one(s, plots.get(Plots.shadowKey(s.run())))));
    }

    private static DomContent one(ShadowComparison s, Plot plot) {
        long ticks = s.ticks().size();
        long maxReason = s.reasons().values().stream().mapToLong(Long::longValue).max().orElse(1);
        return each(
                h3(s.target() + " (" + s.run() + ")"),
                dl(dt("Replica-seconds"), dd("HPA " + Format.human(s.hpaReplicaSeconds()) + ", GreenScale "
                                + Format.human(s.greenscaleReplicaSeconds()) + ratio(s)),
                        dt("Ticks"), dd(ticks + ": GreenScale wanted more in " + share(s.ticksHigher(), ticks) + ", fewer in "
                                + share(s.ticksLower(), ticks) + ", the same in " + share(s.ticksEqual(), ticks)),
                        iff(s.violationSeconds() != null, dt("SLO-violation seconds (live cluster)")),
                        iff(s.violationSeconds() != null, dd(s.violationSeconds() + "; in " + s.violationSecondsWantedMore()
                                + " of them GreenScale wanted more replicas than the HPA had"))),
                iff(plot != null, plot == null ? null : Cells.figureOf(plot)),
                table(thead(tr(th("decision reason"), th("ticks"), th("share"))),
                        tbody(each(s.reasons().entrySet(), e -> tr(td(e.getKey()), td(String.valueOf(e.getValue())),
                                td(span(attrs(".bar")).withStyle("width:" + (int) Math.round(120.0 * e.getValue() / maxReason) + "px"),
                                        span(" " + share(e.getValue(), ticks))))))));
    }

    private static String ratio(ShadowComparison s) {
        return s.hpaReplicaSeconds() == 0 ? "" : String.format(Locale.ROOT, " (%.2f× the HPA's)", s.greenscaleReplicaSeconds() / s.hpaReplicaSeconds());
    }

    private static String share(long n, long of) {
        return of == 0 ? Format.MISSING : String.format(Locale.ROOT, "%.1f %%", 100.0 * n / of);
    }
}
