package io.greenscale.policy.propose;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscale.policy.Explanation.Vote;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueueProposalTest {
    private static final Duration DRAIN = Duration.ofSeconds(30);

    /** (name, arrivals/s, completions/s, backlog, ready, starting remaining (s), coldStart (s), expected, vote) */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("steady load at the utilisation target holds the count", 8.0, 8.0, 0.0, 10, List.of(), 0, 10, Vote.FULL),
                Arguments.of("arrivals double → twice the replicas", 16.0, 8.0, 0.0, 10, List.of(), 0, 20, Vote.FULL),
                Arguments.of("a backlog adds what drains it within the target at full speed (no cold start)", 8.0, 8.0, 300.0, 10, List.of(), 0, 18, Vote.FULL),
                Arguments.of("idle queue asks for nothing", 0.0, 0.0, 0.0, 3, List.of(), 60, 0, Vote.FULL),
                Arguments.of("one waiting job asks for at least one replica", 0.0, 0.0, 1.0, 0, List.of(), 60, 1, Vote.FULL),
                Arguments.of("unknown arrivals fall back to completions", Double.NaN, 16.0, 0.0, 10, List.of(), 0, 20, Vote.FULL),
                Arguments.of("no rates at all: backlog only, add-only", Double.NaN, Double.NaN, 300.0, 10, List.of(), 0, 10, Vote.ADD_ONLY),
                Arguments.of("cold start: overload of 1× ready capacity drains within coldStart + drain", 20.0, 10.0, 0.0, 10, List.of(), 90, 50, Vote.FULL),
                Arguments.of("starting pods already cover the overload → no new pods beyond them",
                        20.0, 10.0, 50.0, 10, Collections.nCopies(40, 85.0), 90, 46, Vote.FULL),
                Arguments.of("starting pods that cover part of the need → the rest is asked for",
                        30.0, 10.0, 0.0, 10, Collections.nCopies(10, 0.0), 90, 60, Vote.FULL),
                Arguments.of("surplus capacity proposes fewer replicas", 2.0, 2.0, 0.0, 10, List.of(), 60, 3, Vote.FULL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void proposes(String name, double arrivals, double completions, double backlog, int ready, List<Double> startingSeconds,
                  int coldStartSeconds, int expected, Vote vote) {
        List<Duration> starting = startingSeconds.stream().map(s -> Duration.ofMillis((long) (s * 1000))).toList();
        Proposal p = QueueProposal.propose(arrivals, completions, backlog, ready, starting, 1.0, 0.8, DRAIN,
                Duration.ofSeconds(coldStartSeconds));
        assertThat(p.replicas()).as(p.detail()).isEqualTo(expected);
        assertThat(p.vote()).isEqualTo(vote);
        assertThat(p.source()).isEqualTo("queue");
    }
}
