package io.greenscale.analysis.write.plot;

/**
 * Drops what JFreeSVG repeats on every element without effect, so that report.html, which
 * inlines 30-odd charts, stays small: the reference to the first clip path (the whole canvas,
 * which the view box clips anyway) and opacities of 1.0 (SVG's default). Roughly a third of a
 * chart's bytes.
 */
final class SvgSlim {
    private SvgSlim() {}

    /** @param defsPrefix the prefix the chart's clip-path ids were given */
    static String slim(String svg, String defsPrefix) {
        return svg.replace(" clip-path='url(#" + defsPrefix + "clip-0)'", "")
                .replace("stroke-opacity:1.0;", "")
                .replace("fill-opacity: 1.0; ", "")
                .replace("fill-opacity:1.0;", "");
    }
}
