package io.greenscale.analysis.write.html;

import static j2html.TagCreator.attrs;
import static j2html.TagCreator.figcaption;
import static j2html.TagCreator.figure;
import static j2html.TagCreator.rawHtml;
import static j2html.TagCreator.span;
import static j2html.TagCreator.td;
import static j2html.TagCreator.text;

import io.greenscale.analysis.compute.Estimate;
import io.greenscale.analysis.compute.Metric;
import io.greenscale.analysis.write.Format;
import io.greenscale.analysis.write.plot.Plot;
import j2html.tags.DomContent;
import j2html.tags.specialized.TdTag;

/** Small pieces every section uses: figure cells with their interval, inline charts. */
final class Cells {
    private Cells() {}

    /** The mean, with "± half-width" in small grey type beneath when there is an interval. */
    static TdTag estimate(Metric m, Estimate e) {
        if (e.mean() == null || e.ci95() == null) {
            return td(Format.mean(m, e.mean()));
        }
        return td(text(Format.mean(m, e.mean())), span(attrs(".ci"), "± " + Format.mean(m, e.ci95())));
    }

    static TdTag number(Metric m, Double v) {
        return td(Format.mean(m, v));
    }

    /** A chart inlined as SVG (it scales with the page), with its caption. */
    static DomContent figureOf(Plot plot) {
        return figure(rawHtml(plot.inlineSvg()), figcaption(plot.caption()));
    }
}
