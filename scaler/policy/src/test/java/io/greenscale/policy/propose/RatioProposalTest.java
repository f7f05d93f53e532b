package io.greenscale.policy.propose;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscale.policy.Explanation.Vote;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatioProposalTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            at target holds                                  | 0.70 | 0.7 | 0.1 | 4 | 4 | 4
            9% over target is inside the tolerance           | 0.76 | 0.7 | 0.1 | 4 | 4 | 4
            50% over target asks ceil(4 × 1.5)               | 1.05 | 0.7 | 0.1 | 4 | 4 | 6
            far below target asks fewer                      | 0.14 | 0.7 | 0.1 | 5 | 5 | 1
            ratio computed over ready pods, starting pods are capacity | 1.05 | 0.7 | 0.1 | 4 | 8 | 6
            float noise does not add a pod: 0.6/0.3 × 3 = 6  | 0.60 | 0.3 | 0.0 | 3 | 3 | 6
            no ready pods but overloaded still asks for one  | 0.90 | 0.7 | 0.1 | 0 | 0 | 2
            zero usage proposes zero                         | 0.00 | 0.7 | 0.1 | 4 | 4 | 0
            """)
    void proposes(String name, double value, double target, double tolerance, int ready, int current, int expected) {
        Proposal p = RatioProposal.propose("cpu", value, target, tolerance, ready, current, Vote.FULL);
        assertThat(p.replicas()).as(p.detail()).isEqualTo(expected);
    }
}
