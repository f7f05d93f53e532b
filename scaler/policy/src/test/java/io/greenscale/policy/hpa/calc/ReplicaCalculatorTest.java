package io.greenscale.policy.hpa.calc;

import static io.greenscale.policy.hpa.PodFixtures.NOW;
import static io.greenscale.policy.hpa.PodFixtures.pod;
import static io.greenscale.policy.hpa.PodFixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenscale.policy.hpa.PodFixtures;
import io.greenscale.policy.signal.PodSnapshot;
import io.greenscale.policy.signal.PodSnapshot.MetricSample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cases of upstream's {@code TestReplicaCalcResourceScale}, {@code …MissingMetrics},
 * {@code …ResourceTolerance} and {@code TestReplicaCalcPodMetric}; values are pod totals (the
 * upstream fixtures have two containers with the listed value each).
 */
class ReplicaCalculatorTest {
    private static final ReplicaCalculator CALC = new ReplicaCalculator(
            new PodGrouping.Settings(Duration.ofMinutes(2), Duration.ofSeconds(10), true), true);
    private static final Tolerances DEFAULT = Tolerances.of(0.1);

    /** A CPU fixture: requests and usages per pod (null usage = no sample), optional per-pod tweaks. */
    private static List<PodSnapshot> cpuPods(long[] requests, Long[] usage, String flags) {
        List<PodSnapshot> pods = new ArrayList<>();
        for (int i = 0; i < requests.length; i++) {
            PodFixtures.Builder b = pod("test-pod-" + i).request("cpu", requests[i]);
            char f = flags == null || i >= flags.length() ? '.' : flags.charAt(i);
            switch (f) {
                case 'u' -> b.unready();
                case 'h' -> b.started(NOW); // hot CPU: still initialising
                case 'p' -> b.phase(PodSnapshot.Phase.PENDING).unready();
                case 'f' -> b.phase(PodSnapshot.Phase.FAILED).unready();
                case 'd' -> b.deleted().unready();
                case 'c' -> b.started(NOW.minusSeconds(180)); // cool: initialised
                default -> { }
            }
            pods.add(b.build());
        }
        return pods;
    }

    private static Map<String, MetricSample> samples(Long[] usage) {
        Map<String, MetricSample> m = new HashMap<>();
        for (int i = 0; i < usage.length; i++) {
            if (usage[i] != null) {
                m.put("test-pod-" + i, sample(usage[i]));
            }
        }
        return m;
    }

    private static long[] req(long each, int n) {
        long[] r = new long[n];
        java.util.Arrays.fill(r, each);
        return r;
    }

    static Stream<Arguments> resourceCases() {
        return Stream.of(
                Arguments.of("scale up: utilization 50% vs target 30% → 5", 3, 30, req(2000, 3), new Long[] {600L, 1000L, 1400L}, null, 5, 50, 1000),
                Arguments.of("unready pod while scaling up → counted at 0, scales less (4)", 3, 30, req(2000, 3), new Long[] {600L, 1000L, 1400L}, "u..", 4, 60, 1200),
                Arguments.of("hot-CPU pod while scaling up → scales less (4)", 3, 30, req(2000, 3), new Long[] {600L, 1000L, 1400L}, "hcc", 4, 60, 1200),
                Arguments.of("unready pods zeroed on a scale-up flip the direction → no change", 3, 30, req(2000, 3), new Long[] {800L, 1000L, 1400L}, ".uu", 3, 40, 800),
                Arguments.of("failed pods ignored → 4", 2, 30, req(2000, 4), new Long[] {1000L, 1400L}, "..ff", 4, 60, 1200),
                Arguments.of("pods being deleted ignored → 4", 2, 30, req(2000, 4), new Long[] {1000L, 1400L}, "..dd", 4, 60, 1200),
                Arguments.of("scale down: 28% vs 50% → 3", 5, 50, req(2000, 5), new Long[] {200L, 600L, 1000L, 500L, 500L}, null, 3, 28, 560),
                Arguments.of("scale down excludes unready pods → 2", 5, 50, req(2000, 5), new Long[] {200L, 600L, 1000L, 500L, 500L}, "...uu", 2, 30, 600),
                Arguments.of("scale down excludes unscheduled pods → 1", 5, 50, req(2000, 5), new Long[] {200L, null, null, null, null}, ".pppp", 1, 10, 200),
                Arguments.of("scale down ignores hot-CPU pods → 2", 5, 50, req(2000, 5), new Long[] {200L, 600L, 1000L, 500L, 500L}, "ccchh", 2, 30, 600),
                Arguments.of("superfluous samples skipped in the ratio → 24", 4, 100, req(2000, 4),
                        new Long[] {8000L, 19000L, 6000L, 14000L, 6400L, 4000L}, null, 24, 587, 11750),
                Arguments.of("missing pods at 100% of request on a scale-down → 3", 4, 100, req(2000, 4), new Long[] {800L, 190L, null, null}, null, 3, 24, 495),
                Arguments.of("missing pod, metric equal to target → no change", 2, 100, req(2000, 2), new Long[] {2000L, null}, null, 2, 100, 2000),
                Arguments.of("missing pod at 0 on a scale-up brings the ratio within tolerance → no change", 2, 100, req(2000, 2), new Long[] {3800L, null}, null, 2, 190, 3800),
                Arguments.of("missing pod at 100% on a scale-down → ceil(0.8 × 2) = 2, no change", 2, 100, req(2000, 2), new Long[] {1200L, null}, null, 2, 60, 1200),
                Arguments.of("target over 100%: missing pods at the target → 2", 4, 300, new long[] {2000, 2000, 4000, 4000},
                        new Long[] {400L, 200L, 200L, null}, "u...", 2, 6, 200),
                Arguments.of("rolling update, surge pod without sample → no change", 2, 50, req(2000, 3), new Long[] {200L, 200L, null}, null, 2, 10, 200),
                Arguments.of("within default tolerance (102% vs 100%) → no change", 3, 100, new long[] {1800, 2000, 2200},
                        new Long[] {2020L, 2060L, 2040L}, null, 3, 102, 2040));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resourceCases")
    void resourceUtilization(String name, int current, int target, long[] requests, Long[] usage, String flags,
                             int replicas, int utilization, long rawAverage) throws CalculationException {
        ResourceProposal p = CALC.resourceUtilization(current, target, "cpu", DEFAULT, cpuPods(requests, usage, flags), samples(usage), NOW);

        assertThat(p.replicas()).isEqualTo(replicas);
        assertThat(p.utilization()).isEqualTo(utilization);
        assertThat(p.rawAverageMilli()).isEqualTo(rawAverage);
    }

    @Test
    void missingPodsCountAtOneHundredPercentBeforeV126EvenAboveAHundredPercentTarget() throws CalculationException {
        ReplicaCalculator older = new ReplicaCalculator(new PodGrouping.Settings(Duration.ofMinutes(2), Duration.ofSeconds(10), true), false);
        Long[] usage = {400L, 200L, 200L, null};
        List<PodSnapshot> pods = cpuPods(new long[] {2000, 2000, 4000, 4000}, usage, "u...");

        // (200 + 200 + 4000) × 100 / 10000 = 44 → 0.1466… × 3 → 1 instead of 2.
        assertThat(older.resourceUtilization(4, 300, "cpu", DEFAULT, pods, samples(usage), NOW).replicas()).isEqualTo(1);
    }

    static Stream<Arguments> errorCases() {
        return Stream.of(
                Arguments.of("samples only for unknown pods → no metrics matched known pods",
                        cpuPods(req(2000, 1), new Long[] {null}, null), Map.of("an-older-pod-name", sample(200)), "no metrics returned matched known pods"),
                Arguments.of("no samples at all → no metrics from the resource metrics API",
                        cpuPods(req(2000, 3), new Long[] {null, null, null}, null), Map.of(),
                        "unable to get metrics for resource cpu: no metrics returned from resource metrics API"),
                Arguments.of("a pod without CPU request → missing request",
                        List.of(pod("test-pod-0").build()), Map.of("test-pod-0", sample(400)), "missing request for"),
                Arguments.of("no pods → no pods returned by selector", List.of(), Map.of("x", sample(1)), "no pods returned by selector"),
                Arguments.of("every sample from an unready pod → no metrics for targeted pods",
                        cpuPods(req(2000, 1), new Long[] {200L}, "u"), Map.of("test-pod-0", sample(200)), "did not receive metrics for targeted pods"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorCases")
    void resourceErrors(String name, List<PodSnapshot> pods, Map<String, MetricSample> samples, String message) {
        assertThatThrownBy(() -> CALC.resourceUtilization(1, 100, "cpu", DEFAULT, pods, new HashMap<>(samples), NOW))
                .isInstanceOf(CalculationException.class).hasMessageContaining(message);
    }

    static Stream<Arguments> podsCases() {
        return Stream.of(
                Arguments.of("scale up: average 20 vs 15 → 4", 3, 15000, new long[] {20000, 10000, 30000}, "...", 4, 20000),
                Arguments.of("readiness ignored for Pods metrics (an unready hot pod still counts) → 6", 3, 15000, new long[] {50000, 10000, 30000}, "..h", 6, 30000),
                Arguments.of("scale down: 12 vs 20 → 3", 5, 20000, new long[] {12000, 12000, 12000, 12000, 12000}, ".....", 3, 12000),
                Arguments.of("within default tolerance → no change", 3, 20000, new long[] {20000, 21000, 21000}, "...", 3, 20666));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("podsCases")
    void podsMetric(String name, int current, long target, long[] values, String flags, int replicas, long usage) throws CalculationException {
        List<PodSnapshot> pods = new ArrayList<>();
        Map<String, MetricSample> samples = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            PodFixtures.Builder b = pod("test-pod-" + i);
            if (flags.charAt(i) == 'h') {
                b.started(NOW).unready();
            }
            pods.add(b.build());
            samples.put("test-pod-" + i, sample(values[i]));
        }
        UsageProposal p = CALC.podsMetric(current, target, "qps", DEFAULT, pods, samples, NOW);

        assertThat(p.replicas()).isEqualTo(replicas);
        assertThat(p.usageMilli()).isEqualTo(usage);
    }

    @Test
    void podsMetricWithSurgePodMissingItsSampleStaysPut() throws CalculationException {
        // Upstream "rolling update with maxSurge: extra pod missing metric": the missing pod at the
        // target gives ceil(0.725 × 3) = 3 > 2 against a falling ratio → the second guard holds 2.
        List<PodSnapshot> pods = List.of(pod("a").build(), pod("b").build(), pod("c").build());
        UsageProposal p = CALC.podsMetric(2, 17000, "qps", DEFAULT, pods, Map.of("a", sample(10000), "b", sample(10000)), NOW);

        assertThat(p.replicas()).isEqualTo(2);
        assertThat(p.outcome()).isEqualTo(Outcome.DIRECTION_GUARD);
    }
}
