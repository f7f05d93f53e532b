package io.greenscale.analysis.write.plot;

import java.awt.Color;
import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A chart of lines over time: one per policy (or run), optionally the load on a second axis
 * behind them and the SLO as a dashed horizontal line.
 */
final class TimeChart {
    private static final Color LOAD = new Color(0xbbbbbb);
    /** Above this many times the SLO, latency is plotted on a log axis. */
    private static final double LOG_ABOVE = 10;

    private TimeChart() {}

    /**
     * @param load      drawn in grey on a right-hand axis; null for none
     * @param sloMillis drawn as a dashed line labelled "SLO"; null for none
     */
    static JFreeChart build(String title, String xLabel, String yLabel, List<Line> lines, Line load, String loadLabel, Double sloMillis) {
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(dataset(lines), x, y, renderer(lines));
        if (load != null) {
            NumberAxis loadAxis = new NumberAxis(loadLabel);
            loadAxis.setAutoRangeIncludesZero(true);
            loadAxis.setLabelPaint(LOAD.darker());
            plot.setRangeAxis(1, loadAxis);
            plot.setDataset(1, dataset(List.of(load)));
            plot.mapDatasetToRangeAxis(1, 1);
            plot.setRenderer(1, renderer(List.of(new Line(load.label(), load.points(), LOAD, PolicyStyle.LINE))));
            plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        }
        if (sloMillis != null) {
            ValueMarker slo = new ValueMarker(sloMillis, new Color(0xc0392b), PolicyStyle.DASHED);
            slo.setLabel("SLO " + Math.round(sloMillis) + " ms");
            slo.setLabelFont(ChartLook.TICK);
            slo.setLabelPaint(new Color(0xc0392b));
            slo.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            slo.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            slo.setLabelBackgroundColor(new Color(255, 255, 255, 0));
            plot.addRangeMarker(slo, Layer.FOREGROUND);
            double max = maxOf(lines);
            if (max > LOG_ABOVE * sloMillis) {
                // A stalled policy's p95 can be 100× the SLO: a log axis keeps the others readable.
                LogAxis log = new LogAxis(yLabel + " (log scale)");
                log.setNumberFormatOverride(new DecimalFormat("#,##0"));
                log.setTickUnit(new NumberTickUnit(1)); // one tick per decade (the unit is in log space)
                log.setMinorTickCount(9);
                log.setMinorTickMarksVisible(true);
                log.setRange(Math.min(minPositive(lines), sloMillis) * 0.8, max * 1.25);
                plot.setRangeAxis(0, log);
            } else {
                // Keep the SLO in view even when every policy stays far below it.
                y.setRange(0, Math.max(sloMillis * 1.15, max * 1.05));
            }
        }
        return ChartLook.apply(new JFreeChart(title, ChartLook.TITLE, plot, true));
    }

    private static XYSeriesCollection dataset(List<Line> lines) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Line l : lines) {
            XYSeries s = new XYSeries(l.label(), false, true);
            double[] xs = l.points().x();
            double[] ys = l.points().y();
            for (int i = 0; i < xs.length; i++) {
                s.add(xs[i], ys[i], false);
            }
            data.addSeries(s);
        }
        return data;
    }

    private static XYLineAndShapeRenderer renderer(List<Line> lines) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        // One path per series instead of one element per segment: much smaller SVGs, faster PNGs.
        r.setDrawSeriesLineAsPath(true);
        for (int i = 0; i < lines.size(); i++) {
            r.setSeriesPaint(i, lines.get(i).color());
            r.setSeriesStroke(i, lines.get(i).stroke());
        }
        return r;
    }

    private static double minPositive(List<Line> lines) {
        double min = Double.MAX_VALUE;
        for (Line l : lines) {
            for (double v : l.points().y()) {
                if (v > 0) {
                    min = Math.min(min, v);
                }
            }
        }
        return min;
    }

    private static double maxOf(List<Line> lines) {
        double max = 0;
        for (Line l : lines) {
            for (double v : l.points().y()) {
                if (!Double.isNaN(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        return max;
    }
}
