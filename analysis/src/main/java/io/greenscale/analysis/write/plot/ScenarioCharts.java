package io.greenscale.analysis.write.plot;

import io.greenscale.analysis.compute.Aggregate;
import io.greenscale.analysis.compute.Analysis;
import io.greenscale.analysis.compute.Metric;
import io.greenscale.analysis.compute.Replicas;
import io.greenscale.analysis.compute.Scenario;
import io.greenscale.analysis.compute.Scorecard;
import io.greenscale.analysis.run.RunData;
import io.greenscale.loadgen.record.TimeseriesRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jfree.chart.JFreeChart;

/**
 * The four charts of one scenario. Time charts show one run per policy — the lowest seed, so
 * every policy faces the same arrivals — and each method returns null when no run recorded the
 * data it needs.
 */
final class ScenarioCharts {
    private static final List<Metric> COST_AXES = List.of(Metric.COST_VS_ORACLE, Metric.COST, Metric.GPU_HOURS, Metric.REPLICA_SECONDS);

    private final Scenario scenario;
    private final List<Aggregate> aggregates;
    /** Policy label → the run plotted for it. */
    private final List<Map.Entry<String, RunData>> shown = new ArrayList<>();
    private final TimeScale time;

    ScenarioCharts(Scenario scenario, Analysis analysis, Map<String, RunData> runsByName) {
        this.scenario = scenario;
        this.aggregates = analysis.aggregates(scenario.name());
        List<Scorecard> cards = analysis.scorecards(scenario.name());
        for (Aggregate a : aggregates) {
            cards.stream().filter(c -> a.runs().contains(c.run()))
                    .min(Comparator.comparing(Scorecard::seed, Comparator.nullsLast(Comparator.naturalOrder())))
                    .map(c -> runsByName.get(c.run()))
                    .ifPresent(r -> shown.add(Map.entry(a.policy(), r)));
        }
        double last = shown.stream().mapToDouble(e -> e.getValue().seconds().isEmpty() ? 0 : e.getValue().seconds().getLast().tS())
                .max().orElse(0);
        this.time = TimeScale.forDuration(last);
    }

    Supplier<JFreeChart> replicas() {
        List<Line> lines = lines(Replicas::held, Points.Reduce.MEAN);
        if (lines.isEmpty()) {
            return null;
        }
        Line load = shown.stream().map(e -> points(e.getValue(), TimeseriesRow::arrivals, Points.Reduce.MEAN))
                .filter(p -> !p.isEmpty()).findFirst().map(p -> Line.of("load", "load (arrivals/s)", p)).orElse(null);
        return () -> TimeChart.build(scenario.title() + ": replicas and load", time.label(), "replicas held", lines, load, "arrivals/s", null);
    }

    String replicasCaption() {
        return "Replicas held (ready + starting + terminating: what is billed) by each policy, with the load in grey on the right axis. "
                + seedNote() + bucketNote("mean");
    }

    Supplier<JFreeChart> p95() {
        List<Line> lines = lines(TimeseriesRow::p95Ms, Points.Reduce.MAX);
        if (lines.isEmpty()) {
            return null;
        }
        return () -> TimeChart.build(scenario.title() + ": p95 latency", time.label(), "p95 latency (ms)", lines, null, null, scenario.sloP95Millis());
    }

    String p95Caption() {
        return "Per-second p95 latency of each policy" + (scenario.sloP95Millis() == null ? "" : ", against the SLO (dashed)")
                + "; a gap is time in which no request completed. " + seedNote() + bucketNote("worst second");
    }

    Supplier<JFreeChart> backlog() {
        List<Line> lines = lines(TimeseriesRow::backlog, Points.Reduce.MAX);
        if (lines.isEmpty()) {
            return null;
        }
        return () -> TimeChart.build(scenario.title() + ": backlog", time.label(), "requests waiting", lines, null, null, null);
    }

    String backlogCaption() {
        return "Requests waiting in the queue at the end of each second. " + seedNote() + bucketNote("worst second");
    }

    Supplier<JFreeChart> costVsSlo() {
        List<Aggregate> plotted = aggregates.stream().filter(a -> a.mean(Metric.VIOLATION_SECONDS) != null).toList();
        Metric x = costAxis(plotted);
        if (plotted.isEmpty() || x == null) {
            return null;
        }
        List<ScatterChart.Point> points = plotted.stream().map(a -> new ScatterChart.Point(a.policy(),
                a.mean(x), ci(a, x), a.mean(Metric.VIOLATION_SECONDS), ci(a, Metric.VIOLATION_SECONDS))).toList();
        return () -> ScatterChart.build(scenario.title() + ": cost against SLO violations", axisLabel(x), "SLO-violation seconds", points);
    }

    String costVsSloCaption() {
        Metric x = costAxis(aggregates.stream().filter(a -> a.mean(Metric.VIOLATION_SECONDS) != null).toList());
        return "Each policy's mean " + (x == null ? "cost" : axisLabel(x)) + " against its mean SLO-violation seconds over its runs,"
                + " with 95 % confidence intervals as error bars where there are several runs. Lower left is better.";
    }

    /** The first cost figure every plotted policy has. */
    private static Metric costAxis(List<Aggregate> plotted) {
        return COST_AXES.stream().filter(m -> plotted.stream().allMatch(a -> a.mean(m) != null)).findFirst().orElse(null);
    }

    private static String axisLabel(Metric m) {
        return switch (m) {
            case COST_VS_ORACLE -> "cost ÷ oracle cost";
            case COST -> "cost";
            case GPU_HOURS -> "GPU-hours";
            default -> "replica-seconds";
        };
    }

    private static double ci(Aggregate a, Metric m) {
        Double ci = a.get(m).ci95();
        return ci == null ? 0 : ci;
    }

    private List<Line> lines(Function<TimeseriesRow, ? extends Number> value, Points.Reduce reduce) {
        List<Line> lines = new ArrayList<>();
        for (Map.Entry<String, RunData> e : shown) {
            Points p = points(e.getValue(), value, reduce);
            if (!p.isEmpty()) {
                lines.add(Line.of(e.getKey(), e.getKey(), p));
            }
        }
        return lines;
    }

    private Points points(RunData run, Function<TimeseriesRow, ? extends Number> value, Points.Reduce reduce) {
        return Points.of(run.seconds(), time.bucketSeconds(), time.secondsPerUnit(), value, reduce);
    }

    private String seedNote() {
        boolean seeds = aggregates.stream().anyMatch(a -> a.runs().size() > 1);
        return seeds ? "One run per policy (its lowest seed). " : "";
    }

    private String bucketNote(String how) {
        return time.bucketSeconds() == 1 ? "" : "Points are " + time.bucketSeconds() + "-second buckets (" + how + ").";
    }
}
