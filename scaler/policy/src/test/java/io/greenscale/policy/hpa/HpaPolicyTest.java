package io.greenscale.policy.hpa;

import static io.greenscale.policy.hpa.PodFixtures.NOW;
import static io.greenscale.policy.hpa.PodFixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenscale.policy.Decision;
import io.greenscale.policy.PolicyState;
import io.greenscale.policy.Reason;
import io.greenscale.policy.hpa.spec.Behavior;
import io.greenscale.policy.hpa.spec.HpaConfig;
import io.greenscale.policy.hpa.spec.HpaSpec;
import io.greenscale.policy.hpa.spec.MetricSpec;
import io.greenscale.policy.hpa.spec.MetricTarget;
import io.greenscale.policy.signal.PodSnapshot;
import io.greenscale.policy.signal.Reading;
import io.greenscale.policy.signal.Signal;
import io.greenscale.policy.signal.Signals;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HPA as a Policy, run as a timeline of 15 s syncs on a fake clock. */
class HpaPolicyTest {

    /** {@code replicas} pods with a 1000m CPU request each, each using {@code percent} % of it. */
    private static Signals cpu(int replicas, int percent) {
        List<PodSnapshot> pods = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            pods.add(pod("pod-" + i).cpu(1000, percent * 10L).build());
        }
        return Signals.builder(replicas).pods(pods).build();
    }

    /** Runs syncs every 15 s from NOW with a constant CPU load; returns the desired count of each sync. */
    private static List<Decision> run(HpaPolicy policy, int replicas, int percent, int syncs) {
        List<Decision> decisions = new ArrayList<>();
        PolicyState state = policy.initialState();
        for (int k = 0; k < syncs; k++) {
            Decision d = policy.decide(cpu(replicas, percent), state, NOW.plusSeconds(15L * k));
            decisions.add(d);
            state = d.next();
            replicas = d.desired();
        }
        return decisions;
    }

    @Test
    void withoutBehaviorTheFirstScaleDownComesAtTheFirstSyncAfterFiveMinutes() {
        List<Decision> timeline = run(HpaPresets.cpu70(1, 10), 4, 20, 23);

        assertThat(timeline.subList(0, 21)).allSatisfy(d -> {
            assertThat(d.desired()).isEqualTo(4);
            assertThat(d.reason()).isEqualTo(Reason.STABILIZED);
        });
        assertThat(timeline.get(21).desired()).as("t = 315 s").isEqualTo(2);
        assertThat(timeline.get(21).reason()).isEqualTo(Reason.SCALE_DOWN);
    }

    @Test
    void withDefaultBehaviorTheScaleDownComesAtExactlyFiveMinutes() {
        HpaPolicy policy = new HpaPolicy("hpa-behavior", new HpaSpec(1, 10, HpaPresets.cpu70(1, 10).spec().metrics(), Behavior.DEFAULTS),
                HpaConfig.production());
        List<Decision> timeline = run(policy, 4, 20, 22);

        assertThat(timeline.get(19).desired()).as("t = 285 s").isEqualTo(4);
        assertThat(timeline.get(20).desired()).as("t = 300 s").isEqualTo(2);
    }

    @Test
    void defaultBehaviorAllowsFourPodsOrDoublingAtEverySync() {
        HpaPolicy policy = new HpaPolicy("hpa-behavior", new HpaSpec(1, 100, HpaPresets.cpu70(1, 100).spec().metrics(), Behavior.DEFAULTS),
                HpaConfig.production());

        assertThat(run(policy, 2, 700, 4)).extracting(Decision::desired).containsExactly(6, 12, 24, 48);
        assertThat(run(policy, 2, 700, 1).getFirst().reason()).isEqualTo(Reason.STEP_LIMIT);
    }

    @Test
    void withoutBehaviorTheScaleUpIsCappedAtTwiceTheCurrentCountPerSync() {
        assertThat(run(HpaPresets.cpu70(1, 100), 2, 700, 3)).extracting(Decision::desired).containsExactly(4, 8, 16);
    }

    @Test
    void aSmallDeviationStaysWithinTolerance() {
        Decision d = run(HpaPresets.cpu70(1, 10), 4, 75, 1).getFirst();

        assertThat(d.desired()).isEqualTo(4);
        assertThat(d.reason()).isEqualTo(Reason.WITHIN_TOLERANCE);
        assertThat(d.why().proposals()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("cpu");
            assertThat(p.detail()).contains("within tolerance");
        });
    }

    @Test
    void theExplanationNamesTheWinningMetricAndTheClampingRule() {
        Decision d = run(HpaPresets.cpu90(1, 3), 2, 300, 1).getFirst();

        assertThat(d.desired()).isEqualTo(3);
        assertThat(d.reason()).isEqualTo(Reason.MAX_REPLICAS);
        assertThat(d.why().winner()).isEqualTo("cpu");
        assertThat(d.why().recommended()).isEqualTo(7);
        assertThat(d.why().steps()).extracting(s -> s.rule() + ":" + s.detail()).contains("bounds:TooManyReplicas");
    }

    @Test
    void gpuPresetReadsThePerPodDutyCycle() {
        HpaPolicy gpu = HpaPresets.gpu(1, 10, 80);
        List<PodSnapshot> pods = List.of(pod("a").metric(HpaPresets.GPU_METRIC, 100_000).build(), pod("b").metric(HpaPresets.GPU_METRIC, 100_000).build());

        Decision d = gpu.decide(Signals.builder(2).pods(pods).build(), gpu.initialState(), NOW);

        assertThat(gpu.readsPods()).isTrue();
        assertThat(d.desired()).isEqualTo(3);
    }

    @Test
    void anExternalMetricReadsTheNamedSignalAndAMissingOneHoldsTheCount() {
        HpaPolicy queue = new HpaPolicy("hpa-queue", new HpaSpec(1, 20,
                List.of(new MetricSpec.ExternalMetric("queue", new MetricTarget.AverageValue(5000))), null), HpaConfig.production());
        PolicyState state = queue.initialState();

        Decision up = queue.decide(Signals.builder(2).set(Signal.QUEUE_BACKLOG, 40, NOW).build(), state, NOW);
        Decision blind = queue.decide(Signals.builder(8).absent(Signal.QUEUE_BACKLOG, "redis down").build(), up.next(), NOW.plusSeconds(15));

        assertThat(queue.inputs()).containsExactly(Signal.QUEUE_BACKLOG);
        assertThat(up.desired()).isEqualTo(4);
        assertThat(blind.desired()).isEqualTo(8);
        assertThat(blind.reason()).isEqualTo(Reason.NO_SIGNALS);
        assertThat(blind.why().signals()).singleElement().satisfies(s -> assertThat(s.detail()).contains("redis down"));
    }

    @Test
    void aFailingMetricBesideAWorkingOneHoldsAScaleDown() {
        HpaPolicy two = new HpaPolicy("hpa-two", new HpaSpec(1, 20, List.of(
                new MetricSpec.ResourceMetric("cpu", new MetricTarget.Utilization(70)),
                new MetricSpec.ExternalMetric("queue", new MetricTarget.AverageValue(5000))), Behavior.DEFAULTS), HpaConfig.production());
        Signals lowCpuNoQueue = cpu(6, 10).with(Signal.QUEUE_BACKLOG, Reading.absent("timeout"));

        Decision d = two.decide(lowCpuNoQueue, two.initialState(), NOW);

        assertThat(d.desired()).isEqualTo(6);
        assertThat(d.reason()).isEqualTo(Reason.STALE_HOLD);
    }

    @Test
    void aManualScaleToZeroPausesIt() {
        Decision d = HpaPresets.cpu70(1, 10).decide(Signals.builder(0).build(), HpaPolicyState.FRESH, NOW);

        assertThat(d.desired()).isZero();
        assertThat(d.reason()).isEqualTo(Reason.PAUSED);
    }

    @Test
    void calledEveryFiveSecondsItStillSyncsOnlyEveryFifteen() {
        HpaPolicy policy = HpaPresets.cpu70(1, 100);
        PolicyState state = policy.initialState();
        int replicas = 2;
        List<Integer> desired = new ArrayList<>();
        for (int k = 0; k < 7; k++) {
            Decision d = policy.decide(cpu(replicas, 700), state, NOW.plusSeconds(5L * k));
            state = d.next();
            replicas = d.desired();
            desired.add(replicas);
        }

        assertThat(desired).containsExactly(4, 4, 4, 8, 8, 8, 16);
    }

    @Test
    void syncsEveryFifteenSecondsAndRejectsAForeignState() {
        HpaPolicy policy = HpaPresets.cpu70(1, 10);

        assertThat(policy.syncPeriod()).isEqualTo(Duration.ofSeconds(15));
        assertThatThrownBy(() -> policy.decide(cpu(1, 50), new PolicyState() {}, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialState()");
    }
}
