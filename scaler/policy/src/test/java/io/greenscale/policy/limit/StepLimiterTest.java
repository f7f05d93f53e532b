package io.greenscale.policy.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StepLimiterTest {
    private static final Instant NOW = Instant.parse("2026-01-01T01:00:00Z");
    private static final Duration P15 = Duration.ofSeconds(15);
    private static final Duration P60 = Duration.ofSeconds(60);

    /** events as (seconds ago, signed change) pairs */
    private static TimedValues events(int... agoAndChange) {
        TimedValues t = TimedValues.EMPTY;
        for (int i = 0; i < agoAndChange.length; i += 2) {
            t = t.append(NOW.minusSeconds(agoAndChange[i]), agoAndChange[i + 1], Duration.ofHours(1));
        }
        return t;
    }

    static Stream<Arguments> up() {
        return Stream.of(
                Arguments.of("max of 4 pods and 100% from 3 → 7", 3, List.of(StepPolicy.pods(4, P15), StepPolicy.percent(100, P15)), SelectPolicy.MAX, events(), 7),
                Arguments.of("max of 4 pods and 100% from 10 → 20", 10, List.of(StepPolicy.pods(4, P15), StepPolicy.percent(100, P15)), SelectPolicy.MAX, events(), 20),
                Arguments.of("min of 4 pods and 100% from 10 → 14", 10, List.of(StepPolicy.pods(4, P15), StepPolicy.percent(100, P15)), SelectPolicy.MIN, events(), 14),
                Arguments.of("an event inside the period used part of the budget", 8, List.of(StepPolicy.pods(4, P60)), SelectPolicy.MAX, events(30, 3), 9),
                Arguments.of("an event exactly one period old no longer counts", 8, List.of(StepPolicy.pods(4, P60)), SelectPolicy.MAX, events(60, 3), 12),
                Arguments.of("a scale-down inside the period gives budget back", 6, List.of(StepPolicy.pods(2, P60)), SelectPolicy.MAX, events(20, -2), 10),
                Arguments.of("disabled allows no scale-up", 5, List.of(StepPolicy.pods(4, P15)), SelectPolicy.DISABLED, events(), 5),
                Arguments.of("a spent budget never forces a scale-down", 5, List.of(StepPolicy.pods(1, P60)), SelectPolicy.MAX, events(10, 4), 5),
                Arguments.of("percent of zero is zero: pods policy gets out of zero", 0, List.of(StepPolicy.pods(2, P15), StepPolicy.percent(100, P15)), SelectPolicy.MAX, events(), 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("up")
    void limits_scale_up(String name, int current, List<StepPolicy> policies, SelectPolicy select, TimedValues events, int expected) {
        assertThat(StepLimiter.upLimit(current, policies, select, events, NOW)).isEqualTo(expected);
    }

    static Stream<Arguments> down() {
        return Stream.of(
                Arguments.of("50% of 10 → 5", 10, List.of(StepPolicy.percent(50, P60)), SelectPolicy.MAX, events(), 5),
                Arguments.of("max picks the largest change: 20 pods vs 1% of 100 → 80", 100, List.of(StepPolicy.pods(20, P60), StepPolicy.percent(1, P60)), SelectPolicy.MAX, events(), 80),
                Arguments.of("min picks the smallest change: → 99", 100, List.of(StepPolicy.pods(20, P60), StepPolicy.percent(1, P60)), SelectPolicy.MIN, events(), 99),
                Arguments.of("an earlier step-down in the period counts", 8, List.of(StepPolicy.pods(3, P60)), SelectPolicy.MAX, events(30, -2), 7),
                Arguments.of("percent truncates toward zero: 50% of 3 → 1", 3, List.of(StepPolicy.percent(50, P60)), SelectPolicy.MAX, events(), 1),
                Arguments.of("disabled allows no scale-down", 9, List.of(StepPolicy.percent(50, P60)), SelectPolicy.DISABLED, events(), 9));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("down")
    void limits_scale_down(String name, int current, List<StepPolicy> policies, SelectPolicy select, TimedValues events, int expected) {
        assertThat(StepLimiter.downLimit(current, policies, select, events, NOW)).isEqualTo(expected);
    }
}
