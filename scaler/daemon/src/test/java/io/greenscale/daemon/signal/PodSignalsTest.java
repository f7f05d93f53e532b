package io.greenscale.daemon.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscale.policy.signal.PodSnapshot;
import io.greenscale.policy.signal.PodSnapshot.MetricSample;
import io.greenscale.policy.signal.PodSnapshot.Phase;
import io.greenscale.policy.signal.PodSnapshot.ReadyCondition;
import io.greenscale.policy.signal.Reading;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PodSignalsTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    static PodSnapshot pod(String name, Phase phase, boolean ready, boolean deleted, Long requestMilli, Long usageMilli) {
        return new PodSnapshot(name, phase, deleted, T, new ReadyCondition(ready, T),
                requestMilli == null ? Map.of() : Map.of("cpu", requestMilli),
                usageMilli == null ? Map.of() : Map.of("cpu", new MetricSample(usageMilli, T, Duration.ofSeconds(30))));
    }

    static Stream<Arguments> counts() {
        return Stream.of(
                Arguments.of("running and ready → ready", List.of(pod("a", Phase.RUNNING, true, false, 100L, 50L)), 1, 0),
                Arguments.of("pending → starting", List.of(pod("a", Phase.PENDING, false, false, 100L, null)), 0, 1),
                Arguments.of("running, not yet ready → starting", List.of(pod("a", Phase.RUNNING, false, false, 100L, null)), 0, 1),
                Arguments.of("being deleted → neither", List.of(pod("a", Phase.RUNNING, true, true, 100L, 50L)), 0, 0),
                Arguments.of("failed → neither", List.of(pod("a", Phase.FAILED, false, false, 100L, null)), 0, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("counts")
    void pods_count_as_ready_or_starting(String name, List<PodSnapshot> pods, int ready, int starting) {
        assertThat(PodSignals.ready(pods)).isEqualTo(ready);
        assertThat(PodSignals.starting(pods)).isEqualTo(starting);
    }

    static Stream<Arguments> cpu() {
        return Stream.of(
                Arguments.of("Σ usage ÷ Σ requests over ready pods",
                        List.of(pod("a", Phase.RUNNING, true, false, 500L, 400L), pod("b", Phase.RUNNING, true, false, 1000L, 200L)), 0.4),
                Arguments.of("unready pods are not measured",
                        List.of(pod("a", Phase.RUNNING, true, false, 500L, 250L), pod("b", Phase.RUNNING, false, false, 500L, 500L)), 0.5),
                Arguments.of("a ready pod without a sample is left out",
                        List.of(pod("a", Phase.RUNNING, true, false, 500L, 250L), pod("b", Phase.RUNNING, true, false, 500L, null)), 0.5),
                Arguments.of("no ready pods → absent", List.of(pod("a", Phase.PENDING, false, false, 500L, null)), null),
                Arguments.of("no CPU requests → absent", List.of(pod("a", Phase.RUNNING, true, false, null, 100L)), null),
                Arguments.of("no samples at all → absent", List.of(pod("a", Phase.RUNNING, true, false, 500L, null)), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cpu")
    void cpu_utilisation_as_the_hpa_computes_it(String name, List<PodSnapshot> pods, Double expected) {
        Reading r = PodSignals.cpu(pods);
        if (expected == null) {
            assertThat(r).isInstanceOf(Reading.Absent.class);
        } else {
            assertThat(r).isInstanceOfSatisfying(Reading.Present.class, p -> assertThat(p.value()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9)));
        }
    }
}
