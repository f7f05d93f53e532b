package io.greenscale.analysis.write.plot;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;
import org.jfree.svg.ViewBox;

/** Renders a chart as {@code <key>.png} and {@code <key>.svg}. */
final class ChartFiles {
    static final int WIDTH = 960;
    static final int HEIGHT = 420;
    /** Coordinates to 0.1 px: invisible on screen, a third of the SVG's size. */
    private static final int SVG_DECIMALS = 1;

    private ChartFiles() {}

    static Plot render(JFreeChart chart, Path dir, String key, String caption) {
        Path png = dir.resolve(key + ".png");
        Path svg = dir.resolve(key + ".svg");
        try (OutputStream out = Files.newOutputStream(png)) {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        g.setGeomDoubleConverter(SVGUtils.createDoubleConverter(SVG_DECIMALS));
        g.setTransformDoubleConverter(SVGUtils.createDoubleConverter(SVG_DECIMALS));
        // Clip paths and gradients get ids; several charts inlined in one page must not share them.
        String prefix = key.replaceAll("[^A-Za-z0-9]", "_") + "_";
        g.setDefsKeyPrefix(prefix);
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        try {
            Files.writeString(svg, SvgSlim.slim(g.getSVGDocument(), prefix), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + svg, e);
        }
        String inline = SvgSlim.slim(g.getSVGElement("plot-" + key, false, new ViewBox(0, 0, WIDTH, HEIGHT), null, null), prefix);
        return new Plot(key, png, svg, inline, caption);
    }
}
