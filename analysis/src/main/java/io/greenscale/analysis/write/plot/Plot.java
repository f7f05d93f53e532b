package io.greenscale.analysis.write.plot;

import java.nio.file.Path;

/**
 * A rendered chart: its PNG and SVG files, and the SVG as an element ready to inline in
 * report.html (scalable: a view box, no fixed size; its ids prefixed so several can share a page).
 *
 * @param key     the files' base name, e.g. {@code load-step-p95}
 * @param caption one sentence on what the chart shows
 */
public record Plot(String key, Path png, Path svg, String inlineSvg, String caption) {}
