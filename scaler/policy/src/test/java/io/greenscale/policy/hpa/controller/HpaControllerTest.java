package io.greenscale.policy.hpa.controller;

import static io.greenscale.policy.hpa.PodFixtures.NOW;
import static io.greenscale.policy.hpa.PodFixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.greenscale.policy.hpa.normalize.Recommendation;
import io.greenscale.policy.hpa.spec.Behavior;
import io.greenscale.policy.hpa.spec.HpaConfig;
import io.greenscale.policy.hpa.spec.HpaSpec;
import io.greenscale.policy.hpa.spec.MetricSpec;
import io.greenscale.policy.hpa.spec.MetricTarget;
import io.greenscale.policy.signal.PodSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One-sync cases from upstream's {@code horizontal_test.go}, with its test constants. */
class HpaControllerTest {
    private static final HpaController CONTROLLER = new HpaController(HpaConfig.upstreamTest());
    private static final MetricSpec CPU_30 = new MetricSpec.ResourceMetric("cpu", new MetricTarget.Utilization(30));
    private static final MetricSpec CPU_50 = new MetricSpec.ResourceMetric("cpu", new MetricTarget.Utilization(50));

    private static List<PodSnapshot> cpuPods(long... usage) {
        List<PodSnapshot> pods = new ArrayList<>();
        for (int i = 0; i < usage.length; i++) {
            pods.add(pod("test-pod-" + i).cpu(1000, usage[i]).build());
        }
        return pods;
    }

    private static ControllerState history(List<Recommendation> recommendations) {
        return new ControllerState(recommendations, List.of(), List.of(), Conditions.NONE);
    }

    private static Map<String, String> conditions(ReconcileResult r) {
        Map<String, String> m = new LinkedHashMap<>();
        r.conditions().byType().forEach((type, c) -> m.put(type, c.statusText() + " " + c.reason()));
        return m;
    }

    @Test
    void scalesUpOnCpuWithTheUsualConditions() {
        List<PodSnapshot> pods = cpuPods(300, 500, 700);
        ReconcileResult r = CONTROLLER.reconcile(new HpaSpec(2, 6, List.of(CPU_30), null), new ControllerInput(3, 3, pods, FakeMetrics.of(pods)),
                ControllerState.FRESH, NOW);

        assertThat(r.desiredReplicas()).isEqualTo(5);
        assertThat(r.rescale()).isTrue();
        assertThat(conditions(r)).containsExactly(Map.entry("AbleToScale", "True SucceededRescale"),
                Map.entry("ScalingActive", "True ValidMetricFound"), Map.entry("ScalingLimited", "False DesiredWithinRange"));
    }

    @Test
    void aNewHpaCannotScaleBelowTheCurrentCountForOneWindow() {
        List<PodSnapshot> pods = cpuPods(100, 300, 500, 250, 250);
        ReconcileResult r = CONTROLLER.reconcile(new HpaSpec(2, 6, List.of(CPU_50), null), new ControllerInput(5, 5, pods, FakeMetrics.of(pods)),
                ControllerState.FRESH, NOW);

        assertThat(r.desiredReplicas()).isEqualTo(5);
        assertThat(r.rescale()).isFalse();
        assertThat(conditions(r)).containsEntry("AbleToScale", "True ScaleDownStabilized");
    }

    @Test
    void scalesDownOnceTheHistoryHoldsNothingHigher() {
        List<PodSnapshot> pods = cpuPods(100, 300, 500, 250, 250);
        ReconcileResult r = CONTROLLER.reconcile(new HpaSpec(2, 6, List.of(CPU_50), null), new ControllerInput(5, 5, pods, FakeMetrics.of(pods)),
                history(List.of()), NOW);

        assertThat(r.desiredReplicas()).isEqualTo(3);
    }

    @Test
    void aboveMaxGoesToMaxWithoutReadingMetrics() {
        ReconcileResult r = CONTROLLER.reconcile(new HpaSpec(3, 5, List.of(CPU_50), null), new ControllerInput(10, 10, List.of(), FakeMetrics.of(List.of())),
                ControllerState.FRESH, NOW);

        assertThat(r.desiredReplicas()).isEqualTo(5);
        assertThat(r.path()).isEqualTo(ReconcileResult.Path.ABOVE_MAX);
        assertThat(conditions(r)).containsExactly(Map.entry("AbleToScale", "True SucceededRescale"));
    }

    @Test
    void anInvalidMetricDoesNotStopAScaleUpButIsReported() {
        List<PodSnapshot> pods = cpuPods(300, 400, 500);
        ReconcileResult r = CONTROLLER.reconcile(new HpaSpec(2, 6, List.of(CPU_30, new MetricSpec.UnknownMetric("CheddarCheese")), null),
                new ControllerInput(3, 3, pods, FakeMetrics.of(pods)), ControllerState.FRESH, NOW);

        assertThat(r.desiredReplicas()).isEqualTo(4);
        assertThat(r.reconcileError()).isTrue();
        assertThat(conditions(r)).containsEntry("ScalingActive", "True ValidMetricFound");
    }

    @Test
    void anInvalidMetricBlocksAScaleDown() {
        List<PodSnapshot> pods = cpuPods(100, 300, 500, 250, 250);
        ReconcileResult r = CONTROLLER.reconcile(new HpaSpec(2, 6, List.of(CPU_50, new MetricSpec.UnknownMetric("CheddarCheese")), null),
                new ControllerInput(5, 5, pods, FakeMetrics.of(pods)), history(List.of()), NOW);

        assertThat(r.desiredReplicas()).isEqualTo(5);
        assertThat(r.path()).isEqualTo(ReconcileResult.Path.METRICS_FAILED);
        assertThat(conditions(r)).containsExactly(Map.entry("AbleToScale", "True SucceededGetScale"),
                Map.entry("ScalingActive", "False InvalidMetricSourceType"));
    }

    @Test
    void aManualScaleToZeroPausesTheHpa() {
        ReconcileResult r = CONTROLLER.reconcile(new HpaSpec(1, 6, List.of(CPU_50), null), new ControllerInput(0, 0, List.of(), FakeMetrics.of(List.of())),
                ControllerState.FRESH, NOW);

        assertThat(r.desiredReplicas()).isZero();
        assertThat(conditions(r)).containsExactly(Map.entry("AbleToScale", "True SucceededGetScale"), Map.entry("ScalingActive", "False ScalingDisabled"));
    }

    @Test
    void withTheGateAnObjectMetricScalesToZeroAndBackFromIt() {
        HpaController gated = new HpaController(HpaConfig.upstreamTest().withRevision(
                HpaConfig.upstreamTest().revision().withHpaScaleToZeroGate(true)));
        MetricSpec qps = new MetricSpec.ObjectMetric("qps", "Deployment/some-deployment", new MetricTarget.Value(20000));
        HpaSpec spec = new HpaSpec(0, 6, List.of(qps), null);
        List<PodSnapshot> pods = cpuPods(0, 0, 0, 0, 0);

        ReconcileResult down = gated.reconcile(spec, new ControllerInput(5, 5, pods, new FakeMetrics(pods, Map.of("qps", 0L), Map.of())),
                history(List.of()), NOW);
        ReconcileResult up = gated.reconcile(spec, new ControllerInput(0, 0, List.of(), new FakeMetrics(List.of(), Map.of("qps", 30000L), Map.of())),
                down.next(), NOW.plusSeconds(15));

        assertThat(down.desiredReplicas()).isZero();
        assertThat(conditions(down)).containsEntry("ScaledToZero", "True ScaledToZero");
        assertThat(up.desiredReplicas()).isEqualTo(2);
        assertThat(conditions(up)).containsEntry("ScaledToZero", "False NotScaledToZero");
    }

    @Test
    void scaleEventsAreRecordedOnlyWithBehavior() {
        List<PodSnapshot> pods = cpuPods(300, 500, 700);
        ControllerInput in = new ControllerInput(3, 3, pods, FakeMetrics.of(pods));

        ReconcileResult legacy = CONTROLLER.reconcile(new HpaSpec(2, 6, List.of(CPU_30), null), in, ControllerState.FRESH, NOW);
        ReconcileResult behavior = CONTROLLER.reconcile(new HpaSpec(2, 6, List.of(CPU_30), Behavior.DEFAULTS), in, ControllerState.FRESH, NOW);

        assertThat(legacy.next().scaleUpEvents()).isEmpty();
        assertThat(behavior.next().scaleUpEvents()).extracting(e -> e.replicaChange()).containsExactly(2);
    }
}
