package io.greenscale.policy.hpa.calc;

import static io.greenscale.policy.hpa.PodFixtures.FAR_PAST;
import static io.greenscale.policy.hpa.PodFixtures.NOW;
import static io.greenscale.policy.hpa.PodFixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.greenscale.policy.signal.PodSnapshot;
import io.greenscale.policy.signal.PodSnapshot.MetricSample;
import io.greenscale.policy.signal.PodSnapshot.Phase;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases of upstream's {@code TestGroupPods}, with its test constants (2 min CPU initialisation, 10 s readiness delay). */
class PodGroupingTest {
    private static final PodGrouping.Settings UPSTREAM_TEST = new PodGrouping.Settings(Duration.ofMinutes(2), Duration.ofSeconds(10), true);

    private static MetricSample at(long secondsAgo, long windowSeconds) {
        return new MetricSample(1, NOW.minusSeconds(secondsAgo), Duration.ofSeconds(windowSeconds));
    }

    static Stream<Arguments> cases() {
        MetricSample zero = new MetricSample(1, FAR_PAST, Duration.ZERO);
        return Stream.of(
                Arguments.of("ready pod, memory → ready (no readiness rules)", "memory",
                        List.of(pod("bentham").noReadyCondition().started(null).build()), Map.of("bentham", at(0, 60)), 1, Set.of(), Set.of(), Set.of()),
                Arguments.of("no Ready condition, cpu → unready", "cpu",
                        List.of(pod("lucretius").noReadyCondition().started(NOW).build()), Map.of("lucretius", zero), 0, Set.of("lucretius"), Set.of(), Set.of()),
                Arguments.of("ready during initialisation, sample a full window after the transition → ready", "cpu",
                        List.of(pod("bentham").started(NOW.minusSeconds(60)).ready(true, NOW.minusSeconds(30)).build()),
                        Map.of("bentham", at(0, 30)), 1, Set.of(), Set.of(), Set.of()),
                Arguments.of("ready during initialisation, sample window overlaps the transition → unready", "cpu",
                        List.of(pod("bentham").started(NOW.minusSeconds(60)).ready(true, NOW.minusSeconds(30)).build()),
                        Map.of("bentham", at(0, 60)), 0, Set.of("bentham"), Set.of(), Set.of()),
                Arguments.of("unready, never ready (transition 6 s after start) → unready", "cpu",
                        List.of(pod("lucretius").started(NOW.minusSeconds(600)).ready(false, NOW.minusSeconds(594)).build()),
                        Map.of("lucretius", zero), 0, Set.of("lucretius"), Set.of(), Set.of()),
                Arguments.of("initialised, stale sample but ready → ready", "cpu",
                        List.of(pod("bentham").started(NOW.minusSeconds(180)).ready(true, NOW.minusSeconds(180)).build()),
                        Map.of("bentham", at(120, 60)), 1, Set.of(), Set.of(), Set.of()),
                Arguments.of("unready after having been ready → counted ready", "cpu",
                        List.of(pod("lucretius").started(NOW.minusSeconds(600)).ready(false, NOW.minusSeconds(540)).build()),
                        Map.of("lucretius", zero), 1, Set.of(), Set.of(), Set.of()),
                Arguments.of("transition exactly at the readiness delay → counted ready (strict comparison)", "cpu",
                        List.of(pod("lucretius").started(NOW.minusSeconds(600)).ready(false, NOW.minusSeconds(590)).build()),
                        Map.of("lucretius", zero), 1, Set.of(), Set.of(), Set.of()),
                Arguments.of("no sample → missing", "cpu",
                        List.of(pod("epicurus").started(NOW.minusSeconds(180)).noReadyCondition().build()), Map.of(), 0, Set.of(), Set.of("epicurus"), Set.of()),
                Arguments.of("Pending → unready even without a sample", "cpu",
                        List.of(pod("unscheduled").phase(Phase.PENDING).build()), Map.of(), 0, Set.of("unscheduled"), Set.of(), Set.of()),
                Arguments.of("deletion timestamp → ignored", "cpu",
                        List.of(pod("deleted").phase(Phase.PENDING).deleted().build()), Map.of("deleted", zero), 0, Set.of(), Set.of(), Set.of("deleted")),
                Arguments.of("Failed → ignored", "cpu",
                        List.of(pod("failed").phase(Phase.FAILED).build()), Map.of("failed", zero), 0, Set.of(), Set.of(), Set.of("failed")),
                Arguments.of("Succeeded → ignored (2026)", "cpu",
                        List.of(pod("succeeded").phase(Phase.SUCCEEDED).build()), Map.of("succeeded", zero), 0, Set.of(), Set.of(), Set.of("succeeded")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void groups(String name, String resource, List<PodSnapshot> pods, Map<String, MetricSample> metrics,
                int ready, Set<String> unready, Set<String> missing, Set<String> ignored) {
        PodGroups groups = PodGrouping.group(pods, new HashMap<>(metrics), resource, UPSTREAM_TEST, NOW);

        assertThat(groups.readyCount()).isEqualTo(ready);
        assertThat(groups.unready()).containsExactlyInAnyOrderElementsOf(unready);
        assertThat(groups.missing()).containsExactlyInAnyOrderElementsOf(missing);
        assertThat(groups.ignored()).containsExactlyInAnyOrderElementsOf(ignored);
    }

    @org.junit.jupiter.api.Test
    void succeededPodsCountAsRunningBeforeThe2026Fix() {
        PodGrouping.Settings older = new PodGrouping.Settings(Duration.ofMinutes(2), Duration.ofSeconds(10), false);
        PodSnapshot succeeded = pod("succeeded").phase(Phase.SUCCEEDED).build();

        PodGroups groups = PodGrouping.group(List.of(succeeded), Map.of("succeeded", at(0, 60)), "cpu", older, NOW);

        assertThat(groups.ignored()).isEmpty();
        assertThat(groups.readyCount()).isEqualTo(1);
    }
}
