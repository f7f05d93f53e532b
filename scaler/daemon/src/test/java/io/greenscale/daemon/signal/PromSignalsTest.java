package io.greenscale.daemon.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenscale.daemon.config.PromSignalSpec;
import io.greenscale.daemon.config.PromSignalSpec.Aggregate;
import io.greenscale.policy.signal.Reading;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PromSignalsTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final PromSignals.TargetVars WORKER = new PromSignals.TargetVars("shop", "worker", List.of("worker-a", "worker-b"));
    private static final List<PromSeries> PER_POD = List.of(
            series(0.9, "namespace", "shop", "pod", "worker-a"),
            series(0.5, "namespace", "shop", "pod", "worker-b"),
            series(0.1, "namespace", "shop", "pod", "other-x"),
            series(0.2, "namespace", "lab", "pod", "worker-a"));

    static PromSeries series(double value, String... labels) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            m.put(labels[i], labels[i + 1]);
        }
        return new PromSeries(m, value, T);
    }

    static PromSignalSpec perPod(Aggregate aggregate) {
        return new PromSignalSpec("q", Map.of("namespace", "${namespace}", "pod", "${pod}"), aggregate);
    }

    static Stream<Arguments> reads() {
        return Stream.of(
                Arguments.of("per-pod series averaged over the target's pods only", perPod(Aggregate.AVG), PER_POD, 0.7),
                Arguments.of("summed over the target's pods", perPod(Aggregate.SUM), PER_POD, 1.4),
                Arguments.of("max over the target's pods", perPod(Aggregate.MAX), PER_POD, 0.9),
                Arguments.of("label match by namespace and app picks its one series",
                        new PromSignalSpec("q", Map.of("namespace", "${namespace}", "app", "${name}"), Aggregate.MAX),
                        List.of(series(0.25, "namespace", "shop", "app", "worker"), series(3, "namespace", "shop", "app", "web")), 0.25),
                Arguments.of("a NaN pod is left out of the average",
                        perPod(Aggregate.AVG), List.of(series(Double.NaN, "namespace", "shop", "pod", "worker-a"),
                                series(0.4, "namespace", "shop", "pod", "worker-b")), 0.4),
                Arguments.of("a scalar answer needs no match", new PromSignalSpec("q", Map.of(), Aggregate.AVG), List.of(series(42)), 42.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reads")
    void a_target_picks_and_aggregates_its_series(String name, PromSignalSpec spec, List<PromSeries> answer, double expected) throws Exception {
        Reading r = PromSignals.read(spec, "q", answer, WORKER);
        assertThat(r).isInstanceOfSatisfying(Reading.Present.class, p -> assertThat(p.value()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9)));
    }

    @Test
    void no_matching_series_is_an_empty_failure_naming_the_match() {
        assertThatThrownBy(() -> PromSignals.read(perPod(Aggregate.AVG), "q", List.of(series(1, "namespace", "lab", "pod", "x")), WORKER))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SourceException.Kind.EMPTY);
                    assertThat(e.getMessage()).contains("namespace=\"shop\"").contains("<one of 2 pods>");
                });
    }

    @Test
    void only_nan_is_a_nan_failure() {
        assertThatThrownBy(() -> PromSignals.read(perPod(Aggregate.AVG), "q", List.of(series(Double.NaN, "namespace", "shop", "pod", "worker-a")), WORKER))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.NAN));
    }

    @Test
    void placeholders_expand_and_pod_names_become_an_escaped_regex() {
        PromSignalSpec spec = new PromSignalSpec("sum(x{namespace=\"${namespace}\",pod=~\"${pods}\"}) by (app=\"${name}\")", Map.of(), Aggregate.AVG);
        var vars = new PromSignals.TargetVars("shop", "worker", List.of("w.2", "w-1"));
        assertThat(PromSignals.query(spec, vars)).isEqualTo("sum(x{namespace=\"shop\",pod=~\"w-1|w\\\\.2\"}) by (app=\"worker\")");
        assertThat(PromSignals.query(spec, new PromSignals.TargetVars("shop", "worker", null))).isNull();
        assertThat(PromSignals.query(spec, new PromSignals.TargetVars("shop", "worker", List.of()))).contains("pod=~\"$^\"");
    }
}
