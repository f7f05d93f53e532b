package io.greenscale.policy.core;

import static io.greenscale.policy.signal.Signal.ARRIVAL_RATE;
import static io.greenscale.policy.signal.Signal.COMPLETION_RATE;
import static io.greenscale.policy.signal.Signal.CPU;
import static io.greenscale.policy.signal.Signal.GPU;
import static io.greenscale.policy.signal.Signal.IN_FLIGHT;
import static io.greenscale.policy.signal.Signal.P95_LATENCY;
import static io.greenscale.policy.signal.Signal.QUEUE_BACKLOG;
import static org.assertj.core.api.Assertions.assertThat;

import io.greenscale.policy.Decision;
import io.greenscale.policy.Explanation.Vote;
import io.greenscale.policy.Reason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GreenScalePolicyTest {

    /** A queue-driven target: 1 job/s per replica, no learning (so the arithmetic is visible), no forecast. */
    private static final String QUEUE = """
            minReplicas: 1
            maxReplicas: 50
            coldStart: 0s
            queue: {perReplicaRate: 1, utilizationTarget: 0.8, drainTarget: 30s, learn: {alpha: 0}}
            forecast: {enabled: false}
            """;

    private static Timeline queueTarget(String extra, int replicas) {
        return Timeline.of(Configs.yaml(QUEUE + extra), replicas);
    }

    private static Timeline load(Timeline t, double arrivals, double backlog) {
        return t.set(ARRIVAL_RATE, arrivals).set(COMPLETION_RATE, arrivals).set(QUEUE_BACKLOG, backlog);
    }

    @Test
    void steady_load_at_the_target_holds_the_count() {
        Timeline t = load(queueTarget("", 10), 8, 0);
        for (int s = 0; s <= 600; s += 5) {
            Decision d = t.at(s);
            assertThat(d.desired()).isEqualTo(10);
            assertThat(d.reason()).isEqualTo(Reason.STEADY);
        }
    }

    @Test
    void a_load_step_scales_up_at_once_and_explains_why() {
        Timeline t = load(queueTarget("", 10), 8, 0);
        t.at(0);
        load(t, 16, 0);
        Decision d = t.at(5);
        assertThat(d.desired()).isEqualTo(20);
        assertThat(d.reason()).isEqualTo(Reason.SCALE_UP);
        assertThat(d.why().winner()).isEqualTo("queue");
        assertThat(d.why().recommended()).isEqualTo(20);
        assertThat(d.why().proposals()).extracting(p -> p.source()).containsExactly("queue");
        assertThat(d.why().signals()).anySatisfy(n -> {
            assertThat(n.signal()).isEqualTo("arrival_rate");
            assertThat(n.raw()).isEqualTo(16.0);
            assertThat(n.status()).isEqualTo("ok");
            assertThat(n.ageSeconds()).isZero();
        });
        assertThat(d.why().summary()).contains("queue=20 (winner)");
    }

    @Test
    void scale_up_beyond_the_step_limit_is_capped_per_period() {
        Timeline t = load(queueTarget("scaleUp: {policies: [{type: pods, value: 4, period: 15s}]}\nburst: {enabled: false}", 4), 3, 0);
        t.at(0);
        load(t, 40, 0);
        Decision d = t.at(5);
        assertThat(d.desired()).isEqualTo(8);
        assertThat(d.reason()).isEqualTo(Reason.STEP_LIMIT);
        assertThat(t.at(10).desired()).as("budget of the 15 s period spent").isEqualTo(8);
        assertThat(t.at(20).desired()).as("a new period").isEqualTo(12);
    }

    @Test
    void a_burst_bypasses_the_step_limit() {
        Timeline t = load(queueTarget("scaleUp: {policies: [{type: pods, value: 1, period: 60s}]}\nburst: {backlogDrainTime: 60s}", 4), 3, 0);
        t.at(0);
        load(t, 10, 1000); // 1000 jobs at 4 jobs/s ready capacity: 250 s to drain > 60 s
        Decision d = t.at(5);
        assertThat(d.reason()).isEqualTo(Reason.BURST);
        assertThat(d.desired()).as("(10/s × 30 s + 1000) / 1 per replica, drained in 30 s").isEqualTo(44);
        assertThat(d.why().clampedBy()).isEqualTo("burst");
    }

    @Test
    void scale_down_waits_for_the_stabilization_window_then_steps_down() {
        Timeline t = load(queueTarget("scaleDown: {stabilizationWindow: 120s, cooldown: 0s, policies: [{type: percent, value: 50, period: 60s}]}", 20), 16, 0);
        for (int s = -30; s <= 0; s += 5) {
            t.at(s); // a steady history, so the arrival level reads the change as a step
        }
        load(t, 4, 0); // wants 5; the arrival level takes one more tick to confirm the step
        assertThat(t.at(5).desired()).isEqualTo(20);
        for (int s = 10; s < 125; s += 5) {
            Decision d = t.at(s);
            assertThat(d.desired()).as("t=%ds", s).isEqualTo(20);
            assertThat(d.reason()).isEqualTo(Reason.STABILIZED);
        }
        Decision first = t.at(125);
        assertThat(first.desired()).isEqualTo(10);
        assertThat(first.reason()).isEqualTo(Reason.STEP_LIMIT);
        assertThat(t.at(130).desired()).as("50% per 60 s already used").isEqualTo(10);
        assertThat(t.at(185).desired()).isEqualTo(5);
        assertThat(t.at(190).reason()).isEqualTo(Reason.STEADY);
    }

    @Test
    void no_scale_down_inside_the_down_cooldown_after_a_scale_up() {
        Timeline t = load(queueTarget("scaleDown: {stabilizationWindow: 0s, cooldown: 60s}", 10), 8, 0);
        t.at(0);
        load(t, 16, 0);
        assertThat(t.at(5).desired()).isEqualTo(20);
        load(t, 4, 0);
        Decision held = t.at(30);
        assertThat(held.desired()).isEqualTo(20);
        assertThat(held.reason()).isEqualTo(Reason.COOLDOWN);
        assertThat(t.at(65).desired()).isLessThan(20);
    }

    @Test
    void scales_to_zero_after_the_idle_period_and_activates_when_work_appears() {
        Timeline t = load(queueTarget("scaleToZero: {enabled: true, idleAfter: 300s}\nscaleDown: {stabilizationWindow: 0s}", 2), 0, 0)
                .set(IN_FLIGHT, 0);
        t.at(0);
        assertThat(t.at(2).desired()).as("idle, but not for long").isEqualTo(1);
        assertThat(t.at(298).desired()).isEqualTo(1);
        Decision zero = t.at(302);
        assertThat(zero.desired()).isZero();
        assertThat(zero.reason()).isEqualTo(Reason.SCALE_TO_ZERO);
        assertThat(t.at(400).desired()).as("stays at zero").isZero();
        t.set(QUEUE_BACKLOG, 3);
        Decision wake = t.at(405);
        assertThat(wake.desired()).isPositive();
        assertThat(wake.reason()).isIn(Reason.ACTIVATION, Reason.SCALE_UP);
    }

    /** 4/s with 2-minute bursts of 20/s at 240 s and every 6 minutes after; feeds it up to {@code to}. */
    private static Decision burstsUntil(Timeline t, long from, long to) {
        Decision d = null;
        for (long s = from; s < to; s += 5) {
            double rate = s >= 240 && (s - 240) % 360 < 120 ? 20 : 4;
            d = load(t, rate, 0).at(s);
        }
        return d;
    }

    @Test
    void a_burst_that_recurs_on_a_schedule_has_its_capacity_ready_before_it_comes() {
        Timeline t = Timeline.of(Configs.yaml(QUEUE.replace("coldStart: 0s", "coldStart: 60s")), 5).coldStart(Duration.ofSeconds(60));
        burstsUntil(t, 0, 955);
        assertThat(t.current()).as("two bursts are no schedule yet: nothing held for the third").isLessThan(10);
        burstsUntil(t, 955, 1315);
        assertThat(t.current()).as("three bursts 6 min apart: the fourth's 25 replicas (20/s at 80 %) are up before it")
                .isGreaterThanOrEqualTo(25);
        Decision before = load(t, 4, 0).at(1315);
        assertThat(before.why().proposals()).anySatisfy(p -> {
            assertThat(p.source()).isEqualTo("recurrence");
            assertThat(p.vote()).isEqualTo(Vote.ADD_ONLY);
            assertThat(p.detail()).contains("bursts every 360s");
        });
    }

    @Test
    void after_a_recurring_burst_its_capacity_goes_once_the_signals_show_the_end_not_a_window_later() {
        Timeline t = Timeline.of(Configs.yaml(QUEUE.replace("coldStart: 0s", "coldStart: 60s")), 5).coldStart(Duration.ofSeconds(60));
        burstsUntil(t, 0, 1440);
        assertThat(t.current()).isGreaterThanOrEqualTo(25);
        Decision d = burstsUntil(t, 1440, 1500);
        assertThat(d.desired()).as("the burst ended at 1440; the 90 s window would hold until 1530").isLessThan(10);
        assertThat(burstsUntil(t, 1500, 1600).desired()).as("and the gap is not bridged").isLessThan(10);
    }

    @Test
    void without_a_schedule_a_lull_is_held_through_the_scale_down_window() {
        Timeline t = Timeline.of(Configs.yaml(QUEUE.replace("coldStart: 0s", "coldStart: 60s") + "recurrence: {enabled: false}"), 5)
                .coldStart(Duration.ofSeconds(60));
        burstsUntil(t, 0, 1440);
        assertThat(burstsUntil(t, 1440, 1500).desired()).isGreaterThanOrEqualTo(25);
    }

    @Test
    void activation_from_zero_reaches_the_minimum_at_once() {
        Timeline t = Timeline.of(Configs.yaml(QUEUE.replace("minReplicas: 1", "minReplicas: 3") + "scaleToZero: {enabled: true}"), 0);
        load(t, 0, 1);
        Decision d = t.at(0);
        assertThat(d.desired()).isEqualTo(3);
        assertThat(d.reason()).isEqualTo(Reason.ACTIVATION);
    }

    @Test
    void a_missing_queue_signal_holds_instead_of_scaling_down() {
        Timeline t = load(queueTarget("scaleDown: {stabilizationWindow: 0s, cooldown: 0s}", 10), 2, 0);
        t.absent(QUEUE_BACKLOG);
        Decision d = t.at(0);
        assertThat(d.desired()).isEqualTo(10);
        assertThat(d.reason()).isEqualTo(Reason.NO_SIGNALS);
        assertThat(d.why().signals()).anySatisfy(n -> {
            assertThat(n.signal()).isEqualTo("queue");
            assertThat(n.status()).isEqualTo("absent");
            assertThat(n.detail()).isEqualTo("source down");
        });
    }

    @Test
    void with_one_signal_stale_another_may_still_scale_up_but_not_down() {
        Timeline t = load(queueTarget("cpu: {target: 0.7}\nscaleDown: {stabilizationWindow: 0s, cooldown: 0s}\nstaleAfter: 30s", 10), 8, 0)
                .set(CPU, 0.7);
        t.at(0);
        t.frozenAt(CPU, 0);
        load(t, 2, 0);
        Decision down = t.at(60);
        assertThat(down.desired()).isEqualTo(10);
        assertThat(down.reason()).isEqualTo(Reason.STALE_HOLD);
        assertThat(down.why().signals()).anySatisfy(n -> {
            assertThat(n.signal()).isEqualTo("cpu");
            assertThat(n.status()).isEqualTo("stale");
        });
        load(t, 16, 0);
        assertThat(t.at(65).desired()).isEqualTo(20);
    }

    @Test
    void the_busy_floor_keeps_replicas_that_hold_work() {
        Timeline t = load(queueTarget("scaleDown: {stabilizationWindow: 0s, cooldown: 0s, policies: [{type: percent, value: 100, period: 15s}]}", 10), 1, 0)
                .set(IN_FLIGHT, 6);
        Decision d = t.at(0);
        assertThat(d.desired()).isEqualTo(6);
        assertThat(d.reason()).isEqualTo(Reason.BUSY_FLOOR);
    }

    @Test
    void never_above_max_whatever_the_load() {
        Timeline t = load(queueTarget("", 10), 10_000, 1_000_000);
        Decision d = t.at(0);
        assertThat(d.desired()).isEqualTo(50);
        assertThat(d.reason()).isEqualTo(Reason.MAX_REPLICAS);
    }

    @Test
    void pods_already_starting_count_as_incoming_capacity() {
        Timeline t = Timeline.of(Configs.yaml(QUEUE.replace("coldStart: 0s", "coldStart: 90s")
                + "scaleUp: {policies: [{type: percent, value: 1000, period: 15s}]}"), 10).coldStart(Duration.ofSeconds(90));
        load(t, 8, 0);
        t.at(0);
        load(t, 20, 0);
        int first = t.at(5).desired();
        assertThat(first).isGreaterThan(25);
        double backlog = 0;
        for (int s = 10; s < 90; s += 5) {
            backlog += (20 - 10) * 5; // ready capacity is still 10 jobs/s
            t.set(QUEUE_BACKLOG, backlog);
            assertThat(t.at(s).desired()).as("t=%ds, backlog %s", s, backlog).isEqualTo(first);
        }
    }

    @Test
    void learns_the_per_replica_rate_from_completions_per_busy_replica() {
        Timeline t = Timeline.of(Configs.yaml(QUEUE.replace("learn: {alpha: 0}", "learn: {alpha: 0.5}")), 10);
        load(t, 20, 0).set(COMPLETION_RATE, 20).set(IN_FLIGHT, 10); // 10 busy replicas complete 20/s: 2/s each
        Decision d = null;
        for (int s = 0; s <= 300; s += 5) {
            d = t.at(s); // learning starts from the 1/s seed; the scale-down window then lets the early estimate go
        }
        assertThat(d.why().signals()).anySatisfy(n -> {
            assertThat(n.signal()).isEqualTo("per_replica_rate");
            assertThat(n.smoothed()).isCloseTo(2.0, org.assertj.core.api.Assertions.within(0.01));
        });
        assertThat(t.current()).as("20/s at 2/s per replica and 80%% target").isEqualTo(13);
    }

    @Test
    void learns_the_cold_start_from_pods_turning_ready() {
        Timeline t = Timeline.of(Configs.yaml(QUEUE.replace("coldStart: 0s", "coldStart: 30s")), 2).coldStart(Duration.ofSeconds(120));
        load(t, 1, 0);
        t.at(0);
        load(t, 8, 0);
        Decision d = null;
        for (int s = 5; s <= 200; s += 5) {
            d = t.at(s);
        }
        assertThat(d.why().signals()).anySatisfy(n -> {
            assertThat(n.signal()).isEqualTo("cold_start");
            assertThat(n.smoothed()).isCloseTo(120.0, org.assertj.core.api.Assertions.within(5.0));
        });
    }

    @Test
    void a_pegged_gpu_alone_does_not_scale_a_queue_target_but_confirms_a_scale_up() {
        Timeline t = load(queueTarget("gpu: {target: 0.8}", 10), 8, 0).set(GPU, 1.0);
        Decision steady = t.at(0);
        assertThat(steady.desired()).isEqualTo(10);
        assertThat(steady.why().proposals()).anySatisfy(p -> {
            assertThat(p.source()).isEqualTo("gpu");
            assertThat(p.vote()).isEqualTo(Vote.NONE);
        });
        load(t, 9.6, 0); // queue asks 12, gpu asks ceil(10 × 1.25) = 13
        Decision up = t.at(5);
        assertThat(up.desired()).isEqualTo(13);
        assertThat(up.why().winner()).isEqualTo("gpu");
    }

    @Test
    void a_gpu_only_target_scales_on_the_gpu_like_the_hpa() {
        Timeline t = Timeline.of(Configs.yaml("queue: {enabled: false}\ngpu: {target: 0.5}\nmaxReplicas: 20"), 4).set(GPU, 1.0);
        assertThat(t.at(0).desired()).isEqualTo(8);
    }

    @Test
    void latency_over_the_slo_adds_capacity_once_the_last_scale_up_has_settled() {
        Timeline t = load(queueTarget("latency: {slo: 500ms, settle: 60s, maxStepFactor: 1.5}\nburst: {enabled: false}", 10), 8, 0)
                .set(P95_LATENCY, 0.3);
        assertThat(t.at(0).desired()).isEqualTo(10);
        t.set(P95_LATENCY, 0.9);
        Decision d = t.at(5);
        assertThat(d.desired()).isEqualTo(15);
        assertThat(d.why().winner()).isEqualTo("latency");
        assertThat(t.at(10).desired()).as("the latency window has not seen the new pods yet").isEqualTo(15);
        assertThat(t.at(70).desired()).as("settled: latency may add again").isGreaterThan(15);
    }

    @Test
    void cpu_scales_like_the_hpa_with_a_smoothed_value() {
        Timeline t = Timeline.of(Configs.yaml("queue: {enabled: false}\ncpu: {target: 0.5, alphaUp: 1.0}\nmaxReplicas: 20"), 4).set(CPU, 1.0);
        assertThat(t.at(0).desired()).isEqualTo(8);
    }

    @Test
    void a_dry_run_target_that_does_not_follow_keeps_being_asked() {
        Timeline t = load(queueTarget("", 10), 16, 0).notFollowing();
        assertThat(t.at(0).desired()).isEqualTo(20);
        assertThat(t.at(5).desired()).isEqualTo(20);
    }
}
