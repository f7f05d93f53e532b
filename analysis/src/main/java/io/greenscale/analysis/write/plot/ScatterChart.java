package io.greenscale.analysis.write.plot;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
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
        r.setDefaultItemLabelGenerator((dataset, series, item) -> String.valueOf(dataset.getSeriesKey(series)));
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
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
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, x, y, r);
        return ChartLook.apply(new JFreeChart(title, ChartLook.TITLE, plot, false));
    }
}
