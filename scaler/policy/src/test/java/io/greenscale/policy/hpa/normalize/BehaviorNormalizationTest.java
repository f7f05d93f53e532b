package io.greenscale.policy.hpa.normalize;

import static io.greenscale.policy.hpa.PodFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.greenscale.policy.hpa.spec.BehaviorDefaults;
import io.greenscale.policy.hpa.spec.ResolvedRules;
import io.greenscale.policy.hpa.spec.ScalingPolicy;
import io.greenscale.policy.hpa.spec.ScalingRules;
import io.greenscale.policy.hpa.spec.SelectPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Upstream's {@code TestNormalizeDesiredReplicasWithBehavior}, {@code TestScalingWithRules},
 * {@code TestStoreScaleEvents}, {@code TestCalculateScale{Up,Down}Limit…}.
 */
class BehaviorNormalizationTest {

    private static Recommendation rec(int replicas, long secondsAgo) {
        return new Recommendation(replicas, NOW.minusSeconds(secondsAgo));
    }

    /** upstream's {@code generateScalingRules(pods, podsPeriod, percent, percentPeriod, window)} */
    private static ResolvedRules rules(int pods, int podsPeriod, int percent, int percentPeriod, int window) {
        List<ScalingPolicy> policies = new ArrayList<>();
        if (pods != 0) {
            policies.add(ScalingPolicy.pods(pods, podsPeriod));
        }
        if (percent != 0) {
            policies.add(ScalingPolicy.percent(percent, percentPeriod));
        }
        return new ResolvedRules(window, SelectPolicy.MAX, policies);
    }

    /** upstream's {@code generateEventsUniformDistribution}: event i at the middle of its segment of the last period. */
    private static List<ScaleEvent> events(int periodSeconds, int... changes) {
        List<ScaleEvent> events = new ArrayList<>();
        double segment = (double) periodSeconds / changes.length;
        for (int i = 0; i < changes.length; i++) {
            long ago = (long) (periodSeconds - segment * (i + 1) + segment / 2);
            events.add(new ScaleEvent(changes[i], NOW.minusSeconds(ago), false));
        }
        return events;
    }

    static Stream<Arguments> stabilizeCases() {
        return Stream.of(
                Arguments.of("empty history, scale down → desired", List.of(), 100, 5, 0, 0, 5),
                Arguments.of("higher recommendations in the down-window hold a scale-down", List.of(rec(4, 120), rec(5, 60)), 100, 3, 0, 180, 5),
                Arguments.of("lower recommendations in the up-window hold a scale-up", List.of(rec(4, 120), rec(5, 60)), 1, 7, 300, 0, 4),
                Arguments.of("reuse: only the recommendation expired for both windows is replaced",
                        List.of(rec(10, 6000), rec(6, 60), rec(5, 120), rec(9, 180)), 1, 100, 300, 0, 5),
                Arguments.of("prenormalized goes down while up-window is full of higher ones → stays", List.of(rec(2, 6000), rec(3, 180)), 2, 1, 300, 300, 2),
                Arguments.of("prenormalized goes up while down-window has lower ones → stays", List.of(rec(2, 6000), rec(1, 180)), 2, 3, 300, 300, 2),
                Arguments.of("a recommendation exactly at the down cutoff no longer counts", List.of(rec(7, 300)), 5, 3, 0, 300, 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stabilizeCases")
    void stabilizes(String name, List<Recommendation> history, int current, int desired, int upWindow, int downWindow, int stabilized) {
        Stabilized s = BehaviorStabilizer.stabilize(history, current, desired, Duration.ofSeconds(upWindow), Duration.ofSeconds(downWindow), NOW);

        assertThat(s.replicas()).isEqualTo(stabilized);
    }

    @Test
    void storesTheUnstabilisedRecommendationInTheSlotExpiredForBothWindows() {
        Stabilized s = BehaviorStabilizer.stabilize(List.of(rec(10, 6000), rec(6, 60), rec(5, 120), rec(9, 180)), 1, 100,
                Duration.ofSeconds(300), Duration.ZERO, NOW);

        assertThat(s.history()).extracting(Recommendation::replicas).containsExactly(100, 6, 5, 9);
    }

    static Stream<Arguments> rateCases() {
        ResolvedRules defaultUp = BehaviorDefaults.scaleUp(null);
        ResolvedRules defaultDown = BehaviorDefaults.scaleDown(null, Duration.ofMinutes(5));
        return Stream.of(
                Arguments.of("default behavior doubles at most (10 → 20)", 10, 50, 1, 1000, defaultUp, defaultDown, List.of(), List.of(), 20, "ScaleUpLimit"),
                Arguments.of("pods policy larger than percent → +100", 10, 500, 1, 1000, rules(100, 60, 100, 60, 0), defaultDown, List.of(), List.of(), 110, "ScaleUpLimit"),
                Arguments.of("percent policy limits (+200% of 10) → 30", 10, 50, 1, 1000, rules(0, 0, 200, 60, 0), defaultDown, List.of(), List.of(), 30, "ScaleUpLimit"),
                Arguments.of("previous scale-ups inside the period use up the budget (100 − 15 + 150)", 100, 500, 1, 1000,
                        rules(150, 120, 0, 0, 0), defaultDown, events(120, 1, 5, 9), List.of(), 235, "ScaleUpLimit"),
                Arguments.of("budget already spent → hold at current, not below", 100, 500, 1, 1000,
                        rules(5, 120, 0, 0, 0), defaultDown, events(120, 1, 5, 9), List.of(), 100, "ScaleUpLimit"),
                Arguments.of("period start counts scale-downs too (6 − 4 + 2) × 4 = 16", 6, 24, 1, 1000,
                        rules(0, 0, 300, 300, 0), defaultDown, events(120, 4), events(120, 2), 16, "ScaleUpLimit"),
                Arguments.of("scale-down Max picks the largest change (−20 pods vs −1%) → 80", 100, 2, 1, 1000,
                        defaultUp, rules(20, 60, 1, 60, 300), List.of(), List.of(), 80, "ScaleDownLimit"),
                Arguments.of("scale-down percent of the period start (100 + 12) × 50% → 56", 100, 0, 1, 1000,
                        defaultUp, rules(0, 0, 50, 120, 300), List.of(), events(120, 2, 4, 6), 56, "ScaleDownLimit"),
                Arguments.of("minReplicas below the policy floor → min", 10, 2, 5, 1000, defaultUp, rules(0, 0, 100, 60, 300), List.of(), List.of(), 5, "TooFewReplicas"),
                Arguments.of("within the limits", 10, 5, 1, 1000, defaultUp, rules(0, 0, 50, 60, 300), List.of(), List.of(), 5, "DesiredWithinRange"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rateCases")
    void rateLimits(String name, int current, int desired, int min, int max, ResolvedRules up, ResolvedRules down,
                    List<ScaleEvent> upEvents, List<ScaleEvent> downEvents, int replicas, String reason) {
        Limited limited = BehaviorRateLimiter.convert(
                new BehaviorRateLimiter.Request(current, desired, min, max, up, down, upEvents, downEvents, true), NOW);

        assertThat(limited).isEqualTo(new Limited(replicas, reason));
    }

    @Test
    void beforeV125ThePeriodStartIgnoredTheOtherDirection() {
        // (6 − 4) × 4 = 8 instead of 16.
        Limited limited = BehaviorRateLimiter.convert(new BehaviorRateLimiter.Request(6, 24, 1, 1000, rules(0, 0, 300, 300, 0),
                BehaviorDefaults.scaleDown(null, Duration.ofMinutes(5)), events(120, 4), events(120, 2), false), NOW);

        assertThat(limited.replicas()).isEqualTo(8);
    }

    @Test
    void selectMinTakesTheSmallestChange() {
        ResolvedRules min = new ResolvedRules(300, SelectPolicy.MIN, List.of(ScalingPolicy.pods(2, 60), ScalingPolicy.percent(50, 60)));

        assertThat(ScalingLimits.scaleUpLimit(1, List.of(), List.of(), min, true, NOW)).isEqualTo(2);
        assertThat(ScalingLimits.scaleDownLimit(5, List.of(), List.of(), min, true, NOW)).isEqualTo(3);
    }

    @Test
    void selectDisabledHoldsTheDirection() {
        ResolvedRules disabled = BehaviorDefaults.scaleUp(new ScalingRules(null, SelectPolicy.DISABLED, null, null));

        assertThat(ScalingLimits.scaleUpLimit(4, List.of(), List.of(), disabled, true, NOW)).isEqualTo(4);
    }

    @Test
    void replacesTheLastOutdatedEventAndKeepsTheOutdatedMark() {
        List<ScaleEvent> before = List.of(new ScaleEvent(8, NOW.minusSeconds(29), false), new ScaleEvent(6, NOW.minusSeconds(59), false),
                new ScaleEvent(7, NOW.minusSeconds(61), false), new ScaleEvent(9, NOW.minusSeconds(61), false));

        assertThat(ScalingLimits.changeInPeriod(60, before, NOW)).isEqualTo(14);
        List<ScaleEvent> after = ScaleEventLog.store(before, rules(10, 60, 100, 30, 0), 10, 15, NOW);

        assertThat(after).extracting(ScaleEvent::replicaChange).containsExactly(8, 6, 7, 5);
        assertThat(after).extracting(ScaleEvent::outdated).containsExactly(false, false, true, false);
    }

    @Test
    void appendsWhenNoEventIsOutdated() {
        List<ScaleEvent> after = ScaleEventLog.store(List.of(new ScaleEvent(7, NOW.minusSeconds(58), false)), rules(10, 60, 100, 60, 0), 10, 5, NOW);

        assertThat(after).extracting(ScaleEvent::replicaChange).containsExactly(7, 5);
    }
}
