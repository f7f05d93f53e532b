package io.greenscale.daemon.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscale.daemon.config.Mode;
import io.greenscale.policy.Decision;
import io.greenscale.policy.Explanation;
import io.greenscale.policy.PolicyState;
import io.greenscale.policy.Reason;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GuardTest {
    private static final Decision UP = new Decision(3, 6, Reason.SCALE_UP,
            new Explanation(List.of(), List.of(new Explanation.ProposalNote("queue", 6, Explanation.Vote.FULL, "")), "queue", 6, List.of()),
            new PolicyState() { });

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("active leader, nothing in the way → written as decided", Mode.ACTIVE, true, false, null, 6, Reason.SCALE_UP, true, "active"),
                Arguments.of("paused → held at current, not written", Mode.ACTIVE, true, true, null, 3, Reason.PAUSED, false, "active"),
                Arguments.of("an HPA scales it too → held, not written", Mode.ACTIVE, true, false, "web-hpa", 3, Reason.CONFLICT, false, "active"),
                Arguments.of("follower → logged as dry-run, not written", Mode.ACTIVE, false, false, null, 6, Reason.SCALE_UP, false, "dry-run"),
                Arguments.of("dry-run → decision kept, not written", Mode.DRY_RUN, true, false, null, 6, Reason.SCALE_UP, false, "dry-run"),
                Arguments.of("shadow beside an HPA → decision kept, not written", Mode.SHADOW, true, false, "web-hpa", 6, Reason.SCALE_UP, false, "shadow"),
                Arguments.of("paused follower → held like the leader would", Mode.ACTIVE, false, true, null, 3, Reason.PAUSED, false, "active"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void the_guard_decides_what_is_written(String name, Mode mode, boolean leader, boolean paused, String hpa,
                                           int desired, Reason reason, boolean write, String modeLabel) {
        Guard.Verdict v = Guard.judge(UP, mode, leader, paused, hpa);
        assertThat(v.decision().desired()).isEqualTo(desired);
        assertThat(v.decision().reason()).isEqualTo(reason);
        assertThat(v.write()).isEqualTo(write);
        assertThat(v.modeLabel()).isEqualTo(modeLabel);
        if (desired != UP.desired()) {
            assertThat(v.decision().why().steps()).last().satisfies(s -> {
                assertThat(s.before()).isEqualTo(6);
                assertThat(s.after()).isEqualTo(3);
            });
            assertThat(v.decision().why().proposals()).isEqualTo(UP.why().proposals());
        }
    }
}
