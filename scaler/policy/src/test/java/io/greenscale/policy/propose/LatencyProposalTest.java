package io.greenscale.policy.propose;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscale.policy.Explanation.Vote;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatencyProposalTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            under the SLO: no vote                              | 0.30 | 4 | 4 | true  | 4 | NONE
            inside the tolerance: no vote                       | 0.54 | 4 | 4 | true  | 4 | NONE
            1.2× over the SLO adds ceil(4 × 1.2)                | 0.60 | 4 | 4 | true  | 5 | ADD_ONLY
            far over the SLO adds at most maxStepFactor         | 5.00 | 4 | 4 | true  | 6 | ADD_ONLY
            never proposes below the current count              | 0.60 | 2 | 6 | true  | 6 | ADD_ONLY
            unsettled after a scale-up: no vote                 | 2.00 | 4 | 8 | false | 8 | NONE
            """)
    void proposes(String name, double p95, int ready, int current, boolean settled, int expected, Vote vote) {
        Proposal p = LatencyProposal.propose(p95, Duration.ofMillis(500), 0.1, 1.5, ready, current, settled);
        assertThat(p.replicas()).as(p.detail()).isEqualTo(expected);
        assertThat(p.vote()).isEqualTo(vote);
    }
}
