package io.greenscale.policy.propose;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscale.policy.Explanation.Vote;
import io.greenscale.policy.signal.Recurrence.Prediction;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecurrenceProposalTest {
    private static final Instant NEXT = Instant.parse("2026-01-01T01:00:00Z");
    /** Every 6 min ± 18 s; the last burst reached 50/s while a replica completed 5/s. */
    private static final Prediction P = new Prediction(NEXT, Duration.ofSeconds(360), Duration.ofSeconds(18), 3, 50, 5);
    private static final Duration LEAD = Duration.ofSeconds(83);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            long before the burst: listed, no vote       | -200 | NONE
            just before the lead: no vote yet            | -84  | NONE
            one lead before the burst: capacity asked    | -83  | ADD_ONLY
            when the burst is due                        | 0    | ADD_ONLY
            late, but within the tolerance               | 18   | ADD_ONLY
            past the tolerance: the burst did not come   | 19   | NONE
            """)
    void asks_for_the_last_bursts_capacity_from_one_lead_before_it_is_due(String name, long secondsFromNext, Vote vote) {
        Instant now = NEXT.plusSeconds(secondsFromNext);
        Proposal p = RecurrenceProposal.propose(P, LEAD, now, 2.0, new Headroom.Utilization(0.8));
        assertThat(p.vote()).as(p.detail()).isEqualTo(vote);
        assertThat(p.replicas()).as("50/s at the burst's 5/s per replica and 80 %, not the lull's 2/s").isEqualTo(13);
        assertThat(p.detail()).contains("every 360s").contains("3 onsets");
        assertThat(RecurrenceProposal.due(P, LEAD, now)).isEqualTo(vote == Vote.ADD_ONLY);
    }
}
