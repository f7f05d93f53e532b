package io.greenscale.analysis.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greenscale.analysis.compute.Scorecard.LatencySource;
import io.greenscale.analysis.fixtures.RunBuilder;
import io.greenscale.analysis.run.RunData;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScorecardTest {

    static RunBuilder run() {
        return RunBuilder.simulated("r", "load-step", "greenscale", 1);
    }

    static Scorecard card(RunBuilder b) {
        return Scorecards.of(b.build(), Overrides.NONE);
    }

    static Arguments row(String name, RunBuilder run, Function<Scorecard, Object> figure, Object expected) {
        return Arguments.of(name, run, figure, expected);
    }

    static Stream<Arguments> attainment() {
        Function<Scorecard, Object> f = Scorecard::sloAttainment;
        return Stream.of(
                row("every request under the SLO → 1", run().latencyMillis(100, 90).seconds(3, s -> s.completions(30)), f, 1.0),
                row("a request exactly at the SLO is within it", run().latencyMillis(500, 10).second(s -> s.completions(10)), f, 1.0),
                row("a quarter over the SLO → 0.75", run().latencyMillis(100, 30).latencyMillis(900, 10).second(s -> s.completions(40)), f, 0.75),
                row("dropped requests count as misses", run().latencyMillis(100, 30).second(s -> s.completions(30).dropped(10)), f, 0.75),
                row("interrupted requests count as misses", run().latencyMillis(100, 30).second(s -> s.completions(30).interrupted(10)), f, 0.75),
                row("failed requests count as misses", run().latencyMillis(100, 30).second(s -> s.completions(30).errors(10)), f, 0.75),
                row("requests still queued at the end count as misses",
                        run().latencyMillis(100, 30).second(s -> s.completions(30).backlog(6).inFlight(4)), f, 0.75),
                row("nothing completed, everything dropped → 0", run().second(s -> s.arrivals(10).completions(0).dropped(10)), f, 0.0),
                row("no requests at all → none", run().second(s -> s.arrivals(0).completions(0)), f, null),
                row("no SLO in run.json → none", run().without("slo").latencyMillis(100, 10).second(s -> s.completions(10)), f, null),
                row("completions but no latency anywhere → none", run().second(s -> s.completions(10)), f, null));
    }

    static Stream<Arguments> violationSeconds() {
        Function<Scorecard, Object> f = Scorecard::violationSeconds;
        return Stream.of(
                row("p95 over the SLO counts", run().second(s -> s.completions(5).latencyMillis(100.0, 501.0, 600.0)), f, 1L),
                row("p95 at the SLO does not", run().second(s -> s.completions(5).latencyMillis(100.0, 500.0, 600.0)), f, 0L),
                row("a stalled queue counts although it has no p95",
                        run().seconds(4, s -> s.arrivals(0).backlog(40).completions(0)), f, 4L),
                row("arrivals with no completion count", run().second(s -> s.arrivals(3).backlog(0).completions(0)), f, 1L),
                row("an idle second does not count", run().seconds(5, s -> s.arrivals(0).backlog(0).completions(0)), f, 0L),
                row("seconds with and without violations",
                        run().seconds(3, s -> s.arrivals(10).completions(10).latencyMillis(50.0, 80.0, 90.0))
                                .seconds(2, s -> s.arrivals(10).completions(10).latencyMillis(50.0, 800.0, 900.0)), f, 2L),
                row("no SLO → none", run().without("slo").second(s -> s.completions(5).latencyMillis(1.0, 9999.0, 9999.0)), f, null),
                row("neither p95 nor completions measured → none", run().second(s -> s.arrivals(10)), f, null));
    }

    static Stream<Arguments> cost() {
        RunBuilder twoReplicasAnHour = run().seconds(3600, s -> s.readyReplicas(1).startingReplicas(1).terminatingReplicas(0));
        return Stream.of(
                row("replica-seconds count ready, starting and terminating pods",
                        run().second(s -> s.readyReplicas(2).startingReplicas(1).terminatingReplicas(1))
                                .second(s -> s.readyReplicas(3)), Scorecard::replicaSeconds, 7.0),
                row("GPU-hours are replica-seconds × GPUs per replica / 3600", twoReplicasAnHour, Scorecard::gpuHours, 2.0),
                row("cost is GPU-hours × price", twoReplicasAnHour, Scorecard::cost, 5.0),
                row("two GPUs per replica double the GPU-hours",
                        run().info("cost", Map.of("gpus_per_replica", 2, "price_per_gpu_hour", 1)).seconds(1800, s -> s.readyReplicas(1)),
                        Scorecard::gpuHours, 1.0),
                row("a price per replica-hour prices a CPU-only replica whole",
                        run().info("cost", Map.of("gpus_per_replica", 0, "price_per_gpu_hour", 2.5, "price_per_replica_hour", 0.1))
                                .seconds(3600, s -> s.readyReplicas(2)), Scorecard::cost, 0.2),
                row("a CPU-only service holds no GPU-hours",
                        run().info("cost", Map.of("gpus_per_replica", 0, "price_per_replica_hour", 0.1))
                                .seconds(3600, s -> s.readyReplicas(2)), Scorecard::gpuHours, 0.0),
                row("no cost block → no GPU-hours", run().without("cost").seconds(10, s -> s.readyReplicas(1)), Scorecard::gpuHours, null),
                row("no cost block → no cost", run().without("cost").seconds(10, s -> s.readyReplicas(1)), Scorecard::cost, null),
                row("no replica counts → no replica-seconds", run().second(s -> s.arrivals(1)), Scorecard::replicaSeconds, null));
    }

    static Stream<Arguments> scaling() {
        RunBuilder upUpDownUp = run().decision(0, 2, 2).decision(15, 2, 4).decision(30, 4, 6).decision(45, 6, 5)
                .decision(60, 5, 5).decision(75, 5, 7);
        RunBuilder timeseriesOnly = run().second(s -> s.desiredReplicas(2)).second(s -> s.desiredReplicas(3))
                .second(s -> s.desiredReplicas(3)).second(s -> s.desiredReplicas(1)).second(s -> s.desiredReplicas(1));
        return Stream.of(
                row("decisions that change the count are scale events", upUpDownUp, Scorecard::scaleEvents, 4L),
                row("up, up, down, up → two reversals", upUpDownUp, Scorecard::reversals, 2L),
                row("without decisions, changes of desired_replicas are the events", timeseriesOnly, Scorecard::scaleEvents, 2L),
                row("without decisions, up then down is one reversal", timeseriesOnly, Scorecard::reversals, 1L),
                row("no decisions and no desired replicas → none", run().second(s -> s.arrivals(1)), Scorecard::scaleEvents, null),
                row("react: from the load step to the first scale-up at or after it",
                        run().info("events", List.of(Map.of("t_s", 300, "kind", "load_step")))
                                .decision(285, 2, 3).decision(300, 3, 3).decision(315, 3, 2).decision(330, 2, 5),
                        Scorecard::reactSeconds, 30.0),
                row("react: a scale-up in the very tick of the step is 0 s",
                        run().info("events", List.of(Map.of("t_s", 300, "kind", "load_step"))).decision(300, 3, 6), Scorecard::reactSeconds, 0.0),
                row("react: no load step → none", run().decision(15, 2, 4), Scorecard::reactSeconds, null),
                row("react: never scaled up after the step → none",
                        run().info("events", List.of(Map.of("t_s", 300, "kind", "load_step"))).decision(200, 2, 4).decision(400, 4, 2),
                        Scorecard::reactSeconds, null),
                row("react: without decisions, the first rise of desired_replicas",
                        run().info("events", List.of(Map.of("t_s", 2, "kind", "load_step")))
                                .second(s -> s.desiredReplicas(2)).second(s -> s.desiredReplicas(3)).second(s -> s.desiredReplicas(3))
                                .second(s -> s.desiredReplicas(1)).second(s -> s.desiredReplicas(4)),
                        Scorecard::reactSeconds, 2.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"attainment", "violationSeconds", "cost", "scaling"})
    void figure(String name, RunBuilder run, Function<Scorecard, Object> figure, Object expected) {
        Object actual = figure.apply(card(run));
        if (expected instanceof Double d) {
            assertThat((Double) actual).isCloseTo(d, within(1e-9));
        } else {
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Test
    void totalsAddUpTheSeconds() {
        Scorecard c = card(run().seconds(3, s -> s.arrivals(10).completions(8).dropped(1).interrupted(1).errors(0)));
        assertThat(List.of(c.requests(), c.dropped(), c.interrupted(), c.errors())).containsExactly(30L, 3L, 3L, 0L);
    }

    @Test
    void percentilesComeFromEveryRequest() {
        Scorecard c = card(run().latencyMillis(10, 50).latencyMillis(20, 45).latencyMillis(40, 4).latencyMillis(80, 1)
                .second(s -> s.completions(100)));
        assertThat(c.latencySource()).isEqualTo(LatencySource.HLOG);
        // HdrHistogram keeps 3 significant digits: 10 ms reads back as the top of its bucket, 10.007 ms.
        assertThat(c.p50Millis()).isCloseTo(10.0, within(0.01));
        assertThat(c.p95Millis()).isCloseTo(20.0, within(0.02));
        assertThat(c.p99Millis()).isCloseTo(40.0, within(0.04));
    }

    @Test
    void withoutALatencyLogPercentilesAreEstimatedFromTheSecondsAndMarkedSo() {
        Scorecard c = card(run().seconds(10, s -> s.completions(100).latencyMillis(100.0, 300.0, 400.0)));
        assertThat(c.latencySource()).isEqualTo(LatencySource.TIMESERIES);
        assertThat(c.completed()).isEqualTo(1000);
        assertThat(c.p50Millis()).isCloseTo(100, within(1.0));
        assertThat(c.p95Millis()).isCloseTo(300, within(6.0));
        assertThat(c.sloAttainment()).isEqualTo(1.0);
    }

    @Test
    void aRunWithNothingButItsKindStillGetsAScorecard() {
        Scorecard c = card(RunBuilder.bare("lonely"));
        assertThat(c.run()).isEqualTo("lonely");
        assertThat(c.kind()).isEqualTo("loadgen");
        assertThat(c.latencySource()).isEqualTo(LatencySource.NONE);
        assertThat(c).extracting(Scorecard::scenario, Scorecard::policy, Scorecard::sloAttainment, Scorecard::violationSeconds,
                Scorecard::replicaSeconds, Scorecard::cost, Scorecard::scaleEvents, Scorecard::reactSeconds).containsOnlyNulls();
        assertThat(c.scenarioLabel()).isEqualTo("unnamed");
        assertThat(c.policyLabel()).isEqualTo("lonely");
    }

    @Test
    void mistypedRunJsonValuesAreTreatedAsMissing() {
        RunData r = run().info("slo", Map.of("p95_ms", "fast")).info("seed", "one").info("events", "soon")
                .second(s -> s.completions(1).latencyMillis(1.0, 2.0, 3.0)).build();
        Scorecard c = Scorecards.of(r, Overrides.NONE);
        assertThat(c.sloP95Millis()).isNull();
        assertThat(c.seed()).isNull();
        assertThat(c.violationSeconds()).isNull();
    }

    @Test
    void aPricePerGpuHourOnTheCommandLineSetsAsideRunJsonsPricePerReplicaHour() {
        RunData r = run().info("cost", Map.of("gpus_per_replica", 1, "price_per_gpu_hour", 2.5, "price_per_replica_hour", 3.0))
                .seconds(3600, s -> s.readyReplicas(1)).build();
        assertThat(Scorecards.of(r, Overrides.NONE).cost()).isEqualTo(3.0);
        assertThat(Scorecards.of(r, new Overrides(4.0, null, null)).cost()).isEqualTo(4.0);
    }

    @Test
    void overridesReplaceRunJsonPriceGpusAndSlo() {
        RunData r = run().seconds(3600, s -> s.readyReplicas(1).completions(1).latencyMillis(10.0, 300.0, 300.0)).build();
        Scorecard c = Scorecards.of(r, new Overrides(4.0, 2.0, 200.0));
        assertThat(c.gpuHours()).isEqualTo(2.0);
        assertThat(c.cost()).isEqualTo(8.0);
        assertThat(c.sloP95Millis()).isEqualTo(200.0);
        assertThat(c.violationSeconds()).isEqualTo(3600);
    }
}
