package io.greenscale.policy.propose;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscale.policy.Explanation.Vote;
import io.greenscale.policy.signal.Holt;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ForecastProposalTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void a_rising_ramp_provisions_for_the_rate_one_cold_start_ahead() {
        Holt h = Holt.EMPTY;
        for (int t = 0; t <= 60; t += 5) {
            h = h.update(10 + 0.1 * t, T0.plusSeconds(t), 0.5, 0.5); // +0.1 req/s every second
        }
        Proposal p = ForecastProposal.propose(h, Duration.ofSeconds(60), 1.0, 0.8);
        // 16/s now, 22/s a minute ahead → ceil(22 / 0.8) = 28
        assertThat(p.replicas()).as(p.detail()).isBetween(27, 28);
        assertThat(p.vote()).isEqualTo(Vote.ADD_ONLY);
    }

    @Test
    void a_falling_rate_never_goes_below_zero() {
        Holt h = Holt.EMPTY.update(10, T0, 0.5, 0.5).update(0, T0.plusSeconds(5), 0.5, 0.5);
        assertThat(ForecastProposal.propose(h, Duration.ofSeconds(600), 1.0, 0.8).replicas()).isZero();
    }
}
