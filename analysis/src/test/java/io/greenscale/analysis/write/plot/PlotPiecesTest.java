package io.greenscale.analysis.write.plot;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscale.loadgen.record.TimeseriesRow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlotPiecesTest {

    static List<TimeseriesRow> seconds(Long... backlog) {
        List<TimeseriesRow> rows = new ArrayList<>();
        for (int t = 0; t < backlog.length; t++) {
            TimeseriesRow.Builder b = TimeseriesRow.builder(t);
            if (backlog[t] != null) {
                b.backlog(backlog[t]);
            }
            rows.add(b.build());
        }
        return rows;
    }

    @Test
    void bucketsAverageOrKeepTheWorstSecondAndLeaveGapsWhereNothingWasMeasured() {
        List<TimeseriesRow> s = seconds(1L, 3L, 8L, null, null, null, 2L, 2L);
        Points mean = Points.of(s, 3, 1, TimeseriesRow::backlog, Points.Reduce.MEAN);
        Points max = Points.of(s, 3, 1, TimeseriesRow::backlog, Points.Reduce.MAX);
        assertThat(mean.x()).containsExactly(0, 3, 6);
        assertThat(mean.y()).containsExactly(4, Double.NaN, 2);
        assertThat(max.y()).containsExactly(8, Double.NaN, 2);
    }

    @Test
    void bucketsAreSizedToKeepAnHourNearFourHundredPoints() {
        assertThat(TimeScale.forDuration(3599)).isEqualTo(new TimeScale(60, "time (min)", 9));
        assertThat(TimeScale.forDuration(300)).isEqualTo(new TimeScale(1, "time (s)", 1));
    }

    @Test
    void policiesOnTheSameSpotShareOneLabel() {
        List<ScatterChart.Point> points = List.of(new ScatterChart.Point("hpa-cpu70", 0.17, 0, 2080, 6),
                new ScatterChart.Point("greenscale", 1.4, 0.2, 100, 20), new ScatterChart.Point("hpa-cpu90", 0.17, 0, 2080, 6));
        assertThat(ScatterChart.labels(points)).containsExactly("hpa-cpu70, hpa-cpu90", "greenscale", "");
    }

    @Test
    void slimmingDropsOnlyTheCanvasClipAndDefaultOpacities() {
        String svg = "<g style='stroke:rgb(0,0,0);stroke-opacity:1.0;fill:none' clip-path='url(#k_clip-0)'><path d='M0,0'"
                + " clip-path='url(#k_clip-1)'/></g>";
        assertThat(SvgSlim.slim(svg, "k_")).isEqualTo("<g style='stroke:rgb(0,0,0);fill:none'><path d='M0,0' clip-path='url(#k_clip-1)'/></g>");
    }

    @Test
    void fileNamesAreSlugs() {
        assertThat(Plots.slug("prod/deployment/Infer API")).isEqualTo("prod-deployment-infer-api");
        assertThat(Plots.key("load-step", Plots.Kind.COST_VS_SLO)).isEqualTo("load-step-cost-vs-slo");
    }
}
