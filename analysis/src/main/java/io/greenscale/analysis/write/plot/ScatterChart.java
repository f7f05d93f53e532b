package io.greenscale.analysis.write.plot;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * Cost against SLO violations, one point per policy with its 95 % confidence interval as error
 * bars on both axes: the bottom-left corner is where an autoscaler wants to be.
 */
final class ScatterChart {
    /** One policy: mean and CI half-width on each axis (0 where there is no interval). */
    record Point(String policy, double x, double xCi, double y, double yCi) {}

    private ScatterChart() {}

    /** Policies on the same spot (e.g. two HPAs that never scaled) share one label instead of overprinting. */
    static List<String> labels(List<Point> points) {
        Map<String, List<Integer>> bySpot = new LinkedHashMap<>();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            String spot = String.format(Locale.ROOT, "%.3g/%.3g", p.x(), p.y());
            bySpot.computeIfAbsent(spot, k -> new ArrayList<>()).add(i);
        }
        String[] labels = new String[points.size()];
        bySpot.values().forEach(same -> {
            for (int k = 0; k < same.size(); k++) {
                labels[same.get(k)] = k > 0 ? "" : String.join(", ", same.stream().map(i -> points.get(i).policy()).toList());
            }
        });
        return List.of(labels);
    }

    static JFreeChart build(String title, String xLabel, String yLabel, List<Point> points) {
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDefaultLinesVisible(false);
        r.setDefaultShapesVisible(true);
        r.setDrawXError(true);
        r.setDrawYError(true);
        r.setErrorStroke(PolicyStyle.LINE);
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(ChartLook.TICK);
        List<String> labels = labels(points);
        r.setDefaultItemLabelGenerator((dataset, series, item) -> labels.get(series));
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE2, TextAnchor.BOTTOM_LEFT));
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            XYIntervalSeries s = new XYIntervalSeries(p.policy());
            s.add(p.x(), p.x() - p.xCi(), p.x() + p.xCi(), p.y(), Math.max(0, p.y() - p.yCi()), p.y() + p.yCi());
            data.addSeries(s);
            Color c = PolicyStyle.color(p.policy());
            r.setSeriesPaint(i, c);
            r.setSeriesShape(i, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
            r.setSeriesItemLabelPaint(i, c.darker());
        }
        r.setErrorPaint(null); // error bars take each series' colour
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        x.setUpperMargin(0.15); // room for the labels right of the points
        NumberAxis y = new NumberAxis(yLabel);
        double top = points.stream().mapToDouble(p -> p.y() + p.yCi()).max().orElse(1);
        // A little room below zero, so points at zero violations and their labels are not cut off.
        y.setRange(-0.04 * Math.max(top, 1), Math.max(top, 1) * 1.12);
        XYPlot plot = new XYPlot(data, x, y, r);
        return ChartLook.apply(new JFreeChart(title, ChartLook.TITLE, plot, false));
    }
}
