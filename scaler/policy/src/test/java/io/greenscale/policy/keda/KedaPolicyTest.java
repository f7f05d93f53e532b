package io.greenscale.policy.keda;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscale.policy.Decision;
import io.greenscale.policy.PolicyState;
import io.greenscale.policy.Reason;
import io.greenscale.policy.hpa.spec.HpaConfig;
import io.greenscale.policy.signal.Signal;
import io.greenscale.policy.signal.Signals;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * KEDA ScaledObject timelines on a fake clock, one tick per 15 s. The rules under test, from the
 * KEDA documentation: "ScaledObject specification" (pollingInterval, cooldownPeriod only for the
 * step to zero, minReplicaCount, fallback) and "Activating and scaling thresholds" (0 ↔ 1 by the
 * operator, 1 ↔ N by the HPA, activation only above the threshold).
 */
class KedaPolicyTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** The backlog at tick k, or null for a failed read. */
    private static List<Decision> run(KedaPolicy policy, int replicas, int ticks, IntFunction<Integer> backlogAtTick) {
        List<Decision> out = new ArrayList<>();
        PolicyState state = policy.initialState();
        for (int k = 0; k < ticks; k++) {
            Integer backlog = backlogAtTick.apply(k);
            Signals.Builder s = Signals.builder(replicas);
            if (backlog == null) {
                s.absent(Signal.QUEUE_BACKLOG, "connection refused");
            } else {
                s.set(Signal.QUEUE_BACKLOG, backlog, T0.plusSeconds(15L * k));
            }
            Decision d = policy.decide(s.build(), state, T0.plusSeconds(15L * k));
            out.add(d);
            state = d.next();
            replicas = d.desired();
        }
        return out;
    }

    @Test
    void pollsEveryThirtySecondsWhileTheHpaSyncsEveryFifteen() {
        assertThat(KedaPresets.queue(0, 20, 5).syncPeriod()).isEqualTo(Duration.ofSeconds(15));
        KedaSpec spec = new KedaSpec(Duration.ofSeconds(20), Duration.ofSeconds(300), Duration.ZERO, 0, 10, null, null,
                List.of(KedaTrigger.redisList(0, "queue", 5, 0)));
        assertThat(new KedaPolicy("k", spec, HpaConfig.production()).syncPeriod()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void activatesFromZeroAtTheNextPollThenTheHpaScalesOneToN() {
        List<Decision> t = run(KedaPresets.queue(0, 20, 5), 0, 4, k -> k == 0 ? 0 : 12);

        assertThat(t).extracting(Decision::desired).containsExactly(0, 0, 1, 3);
        assertThat(t.get(1).reason()).as("t=15: HPA at zero waits for the operator").isEqualTo(Reason.STEADY);
        assertThat(t.get(2).reason()).as("t=30: poll, backlog 12 > activation 0").isEqualTo(Reason.ACTIVATION);
        assertThat(t.get(3).reason()).as("t=45: HPA, ceil(12 / 5) = 3").isEqualTo(Reason.SCALE_UP);
        assertThat(t.get(2).why().steps()).singleElement().satisfies(s -> assertThat(s.rule()).isEqualTo("activation"));
    }

    @Test
    void activationNeedsAValueAboveTheThresholdNotEqualToIt() {
        KedaSpec spec = new KedaSpec(Duration.ofSeconds(30), Duration.ofSeconds(300), Duration.ZERO, 0, 10, null, null,
                List.of(KedaTrigger.redisList(0, "queue", 5, 5)));
        KedaPolicy policy = new KedaPolicy("k", spec, HpaConfig.production());

        assertThat(run(policy, 0, 3, k -> 5)).extracting(Decision::desired).containsOnly(0);
        assertThat(run(policy, 0, 1, k -> 6)).extracting(Decision::desired).containsExactly(1);
    }

    @Test
    void scalesToZeroOnlyAfterTheCooldownHasPassedSinceTheLastActivePoll() {
        // Active at t=0 (backlog 10), empty from t=15. The HPA (min 1) brings 2 → 1 after its own
        // five-minute stabilisation; the operator alone takes 1 → 0 once lastActiveTime + 300 s < now.
        List<Decision> t = run(KedaPresets.queue(0, 20, 5), 2, 24, k -> k == 0 ? 10 : 0);

        assertThat(t.subList(0, 22)).allSatisfy(d -> assertThat(d.desired()).isPositive());
        assertThat(t.get(20).reason()).as("t=300: poll, cooldown not yet passed").isEqualTo(Reason.COOLDOWN);
        assertThat(t.get(21).desired()).as("t=315: HPA to its min").isEqualTo(1);
        assertThat(t.get(22).desired()).as("t=330: first poll after the cooldown").isZero();
        assertThat(t.get(22).reason()).isEqualTo(Reason.SCALE_TO_ZERO);
    }

    @Test
    void withMinReplicaCountAboveZeroItNeverScalesToZero() {
        List<Decision> t = run(KedaPresets.queue(2, 20, 5), 2, 40, k -> 0);

        assertThat(t).extracting(Decision::desired).containsOnly(2);
    }

    @Test
    void fallsBackToTheConfiguredReplicasAfterMoreThanFailureThresholdFailedPolls() {
        KedaSpec spec = new KedaSpec(Duration.ofSeconds(30), Duration.ofSeconds(300), Duration.ZERO, 0, 20,
                new KedaSpec.Fallback(3, 6), null, List.of(KedaTrigger.redisList(0, "queue", 5, 0)));
        KedaPolicy policy = new KedaPolicy("keda-fallback", spec, HpaConfig.production());

        // Source down from t=0 to t=105; polls at 0, 30, 60 fail 1..3 times, the poll at 90 is the 4th.
        List<Decision> t = run(policy, 2, 10, k -> k < 8 ? null : 10);

        assertThat(t.subList(0, 6)).allSatisfy(d -> {
            assertThat(d.desired()).isEqualTo(2);
            assertThat(d.reason()).isEqualTo(Reason.NO_SIGNALS);
        });
        assertThat(t.get(6).desired()).as("t=90: fallback metric 6 × target, capped at 2 × 2 per sync").isEqualTo(4);
        assertThat(t.get(6).reason()).isEqualTo(Reason.FALLBACK);
        assertThat(t.get(7).desired()).as("t=105").isEqualTo(6);
        assertThat(t.get(7).reason()).isEqualTo(Reason.FALLBACK);
        assertThat(t.get(8).reason()).as("t=120: source back, fallback over").isNotEqualTo(Reason.FALLBACK);
        assertThat(t.get(6).why().signals()).singleElement().satisfies(s -> assertThat(s.detail()).contains("consecutive failures: 4"));
    }

    @Test
    void withoutFallbackAFailingSourceNeitherScalesNorScalesToZero() {
        List<Decision> t = run(KedaPresets.queue(0, 20, 5), 3, 40, k -> null);

        assertThat(t).extracting(Decision::desired).containsOnly(3);
    }

    @Test
    void neverActiveSinceCreationItScalesToZeroAtTheFirstPollAfterInitialCooldown() {
        List<Decision> t = run(KedaPresets.queue(0, 20, 5), 3, 3, k -> 0);

        assertThat(t.get(0).desired()).as("t=0: created now, not before now").isEqualTo(3);
        assertThat(t.get(2).desired()).as("t=30").isZero();
    }
}
