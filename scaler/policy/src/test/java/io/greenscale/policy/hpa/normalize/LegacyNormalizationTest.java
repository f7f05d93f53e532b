package io.greenscale.policy.hpa.normalize;

import static io.greenscale.policy.hpa.PodFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream's {@code TestNormalizeDesiredReplicas} and {@code TestConvertDesiredReplicasWithRules} (scale-up factor 8). */
class LegacyNormalizationTest {

    private static Recommendation rec(int replicas, long secondsAgo) {
        return new Recommendation(replicas, NOW.minusSeconds(secondsAgo));
    }

    static Stream<Arguments> stabilizeCases() {
        return Stream.of(
                Arguments.of("empty history → desired, one entry", List.of(), 5, 5, 1),
                Arguments.of("higher recommendations in the window hold a scale-down", List.of(rec(4, 120), rec(5, 60)), 3, 5, 3),
                Arguments.of("lower recommendations do not", List.of(rec(1, 120), rec(2, 60)), 3, 3, 3),
                Arguments.of("expired recommendations are ignored and their slot reused", List.of(rec(10, 600), rec(9, 540)), 3, 3, 2),
                Arguments.of("the last expired slot is reused", List.of(rec(10, 600), rec(4, 60), rec(5, 120), rec(9, 540)), 3, 5, 4),
                Arguments.of("a recommendation exactly at the cutoff still counts", List.of(rec(7, 300)), 3, 7, 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stabilizeCases")
    void stabilizes(String name, List<Recommendation> history, int desired, int stabilized, int historyLength) {
        Stabilized s = LegacyStabilizer.stabilize(history, desired, Duration.ofMinutes(5), NOW);

        assertThat(s.replicas()).isEqualTo(stabilized);
        assertThat(s.history()).hasSize(historyLength).contains(new Recommendation(desired, NOW));
    }

    static Stream<Arguments> clampCases() {
        return Stream.of(
                Arguments.of("within range", 5, 7, 3, 8, 7, "DesiredWithinRange"),
                Arguments.of("below minReplicas → min", 3, 1, 2, 8, 2, "TooFewReplicas"),
                Arguments.of("zero within range when min is 0", 1, 0, 0, 10, 0, "DesiredWithinRange"),
                Arguments.of("max below the scale-up limit → max", 20, 1000, 1, 10, 10, "TooManyReplicas"),
                Arguments.of("scale-up limit (8 × 3 = 24) below max → 24", 3, 1000, 1, 2000, 24, "ScaleUpLimit"),
                Arguments.of("from zero the limit is the minimum 4", 0, 10, 0, 20, 4, "ScaleUpLimit"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clampCases")
    void clamps(String name, int current, int desired, int min, int max, int replicas, String reason) {
        assertThat(LegacyClamp.convert(current, desired, min, max, 8.0, 4.0)).isEqualTo(new Limited(replicas, reason));
    }
}
