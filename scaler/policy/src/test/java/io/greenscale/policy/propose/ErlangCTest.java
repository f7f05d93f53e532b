package io.greenscale.policy.propose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErlangCTest {

    /** P(wait > t) of M/M/c from the textbook closed form, with factorials. */
    static double waitLonger(double lambda, double mu, int c, double t) {
        double a = lambda / mu;
        double sum = 0;
        double term = 1;
        for (int k = 0; k < c; k++) {
            sum += term;
            term *= a / (k + 1);
        }
        double top = term * c / (c - a);
        return top / (sum + top) * Math.exp(-(c * mu - lambda) * t);
    }

    @ParameterizedTest(name = "λ={0}/s, μ={1}/s per slot, wait ≤ {2}s for {3} of jobs")
    @CsvSource({
            "8,   1,   0,   0.2",
            "8,   1,   2,   0.05",
            "55,  1,   2,   0.05",
            "300, 10,  0.3, 0.05",
            "1,   0.5, 1,   0.01"})
    void is_the_fewest_servers_that_meet_the_bound(double lambda, double mu, double wait, double budget) {
        int c = ErlangC.servers(lambda, mu, wait, budget, 10_000);
        assertThat(waitLonger(lambda, mu, c, wait)).isLessThanOrEqualTo(budget + 1e-12);
        if (c - 1 > lambda / mu) {
            assertThat(waitLonger(lambda, mu, c - 1, wait)).isGreaterThan(budget);
        }
    }

    @Test
    void more_slots_run_hotter_at_the_same_latency() {
        double small = 4 / (double) ErlangC.servers(4, 1, 2, 0.05, 1000);
        double large = 200 / (double) ErlangC.servers(200, 1, 2, 0.05, 1000);
        assertThat(small).isLessThan(0.75);
        assertThat(large).isGreaterThan(0.9);
    }

    @Test
    void latency_headroom_never_runs_busier_than_its_cap_and_rounds_slots_up_to_replicas() {
        Headroom h = new Headroom.Latency(Duration.ofSeconds(2), 0.05, 0.95, 4, 100, true);
        int replicas = h.replicas(55, 4);
        assertThat(replicas * 4).isGreaterThanOrEqualTo(ErlangC.servers(55, 1, 2, 0.05, 1000));
        assertThat(55 / (replicas * 4.0)).isLessThanOrEqualTo(0.95);
        assertThat(h.replicas(0, 4)).isZero();
    }

    @Test
    void replicas_that_each_queue_their_own_share_need_more_than_a_shared_queue() {
        Headroom shared = new Headroom.Latency(Duration.ofMillis(300), 0.05, 0.95, 2, 100, true);
        Headroom perReplica = new Headroom.Latency(Duration.ofMillis(300), 0.05, 0.95, 2, 100, false);
        int pooled = shared.replicas(210, 20);
        int split = perReplica.replicas(210, 20);
        assertThat(split).isGreaterThan(pooled);
        assertThat(waitLonger(210.0 / split, 10, 2, 0.3)).isLessThanOrEqualTo(0.05);
        assertThat(waitLonger(210.0 / (split - 1), 10, 2, 0.3)).isGreaterThan(0.05);
    }

    @Test
    void the_wait_tail_matches_the_closed_form() {
        assertThat(ErlangC.waitTail(8, 1, 10, 2)).isCloseTo(waitLonger(8, 1, 10, 2), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(ErlangC.waitTail(12, 1, 10, 2)).as("unstable").isEqualTo(1);
    }

    @Test
    void no_arrivals_need_no_servers() {
        assertThat(ErlangC.servers(0, 1, 1, 0.05, 100)).isZero();
    }
}
