package io.greenscale.policy.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscale.policy.Explanation.Vote;
import io.greenscale.policy.propose.Proposal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FusionTest {

    private static Proposal p(String source, int replicas, Vote vote) {
        return new Proposal(source, replicas, vote, "");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("queue doubles while gpu idles → queue wins",
                        List.of(p("queue", 8, Vote.FULL), p("gpu", 2, Vote.FULL)), 4, 8, "queue"),
                Arguments.of("cpu asks more than the queue → cpu wins",
                        List.of(p("queue", 3, Vote.FULL), p("cpu", 6, Vote.FULL)), 4, 6, "cpu"),
                Arguments.of("every full vote lower → scale down to the highest of them",
                        List.of(p("queue", 2, Vote.FULL), p("cpu", 3, Vote.FULL)), 6, 3, "cpu"),
                Arguments.of("add-only latency lifts a lower full vote",
                        List.of(p("queue", 4, Vote.FULL), p("latency", 7, Vote.ADD_ONLY)), 5, 7, "latency"),
                Arguments.of("add-only alone cannot lower the count",
                        List.of(p("forecast", 2, Vote.ADD_ONLY)), 5, 5, "forecast"),
                Arguments.of("add-only slows a scale-down the full vote asks for",
                        List.of(p("queue", 2, Vote.FULL), p("forecast", 4, Vote.ADD_ONLY)), 6, 4, "forecast"),
                Arguments.of("a gpu that did not confirm takes no part",
                        List.of(p("queue", 4, Vote.FULL), p("gpu", 9, Vote.NONE)), 4, 4, "queue"),
                Arguments.of("nothing voted → the current count, no winner",
                        List.of(p("latency", 4, Vote.NONE)), 4, 4, null),
                Arguments.of("no proposals at all → the current count", List.of(), 3, 3, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fuses(String name, List<Proposal> proposals, int current, int expected, String winner) {
        Fusion.Result r = Fusion.fuse(proposals, current);
        assertThat(r.replicas()).isEqualTo(expected);
        assertThat(r.winner()).isEqualTo(winner);
        assertThat(r.anyVote()).isEqualTo(winner != null);
    }
}
