package io.greenscale.daemon.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscale.policy.signal.Reading;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueueRatesTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static QueueSample sample(long backlog, long inFlight, Long enqueued, Long completed) {
        return new QueueSample(backlog, inFlight, Map.of(), enqueued, completed);
    }

    /** Expected rates per second; null means absent. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("counters over 5 s → deltas per second", sample(10, 2, 100L, 80L), sample(12, 3, 150L, 110L), 5.0, 10.0, 6.0),
                Arguments.of("no enqueued counter → arrivals from conservation", sample(10, 2, null, 80L), sample(20, 4, null, 110L), 5.0, 8.4, 6.0),
                Arguments.of("queue shrinking faster than completions say → arrivals never negative",
                        sample(50, 0, null, 0L), sample(0, 0, null, 10L), 5.0, 0.0, 2.0),
                Arguments.of("counter created between samples → counts from 0", sample(0, 0, null, null), sample(40, 0, 40L, null), 5.0, 8.0, null),
                Arguments.of("completed counter went back (reset) → counts from 0, never negative",
                        sample(10, 2, 100L, 80L), sample(10, 2, 120L, 5L), 5.0, 4.0, 1.0),
                Arguments.of("counters vanished (Redis restarted empty) → 0 since the restart",
                        sample(10, 2, 100L, 80L), sample(0, 0, null, null), 5.0, 0.0, 0.0),
                Arguments.of("no counters at all → both absent", sample(10, 2, null, null), sample(12, 2, null, null), 5.0, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rates_from_two_samples(String name, QueueSample before, QueueSample after, double seconds, Double arrival, Double completion) {
        QueueRates state = QueueRates.first().next(before, T0).next();
        QueueRates.Result r = state.next(after, T0.plusMillis((long) (seconds * 1000)));
        expect(r.arrival(), arrival);
        expect(r.completion(), completion);
    }

    private static void expect(Reading reading, Double value) {
        if (value == null) {
            assertThat(reading).isInstanceOf(Reading.Absent.class);
        } else {
            assertThat(reading).isInstanceOfSatisfying(Reading.Present.class, p -> assertThat(p.value()).isCloseTo(value, org.assertj.core.data.Offset.offset(1e-9)));
        }
    }

    @org.junit.jupiter.api.Test
    void the_first_sample_gives_no_rate() {
        QueueRates.Result first = QueueRates.first().next(sample(1, 0, 1L, 0L), T0);
        assertThat(first.arrival()).isInstanceOfSatisfying(Reading.Absent.class, a -> assertThat(a.reason()).contains("first queue sample"));
    }

    @org.junit.jupiter.api.Test
    void after_failed_reads_the_rate_spans_the_gap_until_it_grows_too_long() {
        QueueRates before = QueueRates.first().next(sample(0, 0, 100L, 100L), T0).next();
        expect(before.next(sample(0, 0, 160L, 160L), T0.plusSeconds(30)).arrival(), 2.0);
        assertThat(before.next(sample(0, 0, 160L, 160L), T0.plusSeconds(600)).arrival()).isInstanceOf(Reading.Absent.class);
    }
}
