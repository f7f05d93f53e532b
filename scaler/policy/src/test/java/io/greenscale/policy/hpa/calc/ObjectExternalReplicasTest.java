package io.greenscale.policy.hpa.calc;

import static io.greenscale.policy.hpa.PodFixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenscale.policy.signal.PodSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cases of upstream's {@code TestReplicaCalcObjectMetric}, {@code …ObjectPerPodMetric}, {@code …ExternalMetric}, {@code …ExternalPerPodMetric}. */
class ObjectExternalReplicasTest {
    private static final Tolerances DEFAULT = Tolerances.of(0.1);
    private static final List<PodSnapshot> THREE_READY = List.of(pod("a").build(), pod("b").build(), pod("c").build());

    @Test
    void objectValueScalesTheReadyPodCount() throws CalculationException {
        assertThat(ObjectExternalReplicas.objectValue(3, 20000, 15000, DEFAULT, THREE_READY).replicas()).isEqualTo(4);
    }

    @Test
    void objectValueCountsOnlyRunningReadyPods() throws CalculationException {
        List<PodSnapshot> oneReady = List.of(pod("a").unready().build(), pod("b").build(), pod("c").unready().build());

        assertThat(ObjectExternalReplicas.objectValue(3, 50000, 10000, DEFAULT, oneReady).replicas()).isEqualTo(5);
    }

    @Test
    void objectValueSaturatesAtMaxInt32() throws CalculationException {
        UsageProposal p = ObjectExternalReplicas.objectValue(3, Long.MAX_VALUE, 1, DEFAULT, THREE_READY);

        assertThat(p.replicas()).isEqualTo(Integer.MAX_VALUE);
        assertThat(p.usageMilli()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void fromZeroAValueTargetProposesCeilOfTheRatioWithoutTolerance() throws CalculationException {
        // 1000m against a 1000m target: ratio 1.0 would be "within tolerance" at any other count.
        assertThat(ObjectExternalReplicas.objectValue(0, 1000, 1000, DEFAULT, List.of()).replicas()).isEqualTo(1);
        assertThat(ObjectExternalReplicas.externalValue(0, List.of(0L), 14400, DEFAULT, List.of()).replicas()).isZero();
    }

    @Test
    void objectAverageValueUsesStatusReplicasAndReportsThePerPodUsage() {
        UsageProposal up = ObjectExternalReplicas.objectAverageValue(3, 20000, 5000, DEFAULT);
        UsageProposal within = ObjectExternalReplicas.objectAverageValue(4, 20166, 5000, DEFAULT);

        assertThat(up.replicas()).isEqualTo(4);
        assertThat(up.usageMilli()).isEqualTo(6667);
        assertThat(within.replicas()).isEqualTo(4);
        assertThat(within.usageMilli()).isEqualTo(5042);
    }

    @Test
    void averageValueWithZeroStatusReplicasDoesNotDivideByZero() throws CalculationException {
        UsageProposal p = ObjectExternalReplicas.externalAverageValue(0, List.of(20000L), 5000, DEFAULT);
        UsageProposal none = ObjectExternalReplicas.externalAverageValue(0, List.of(0L), 5000, DEFAULT);

        assertThat(p.replicas()).isEqualTo(4);
        assertThat(p.usageMilli()).isZero();
        assertThat(none.replicas()).isZero();
    }

    @Test
    void externalValueSumsTheSeriesAndCapsAtMaxInt64() throws CalculationException {
        UsageProposal p = ObjectExternalReplicas.externalValue(3, List.of(Long.MAX_VALUE / 2 + 1, Long.MAX_VALUE / 2 + 1),
                Long.MAX_VALUE, DEFAULT, THREE_READY);

        assertThat(p.usageMilli()).isEqualTo(Long.MAX_VALUE);
        assertThat(p.replicas()).isEqualTo(3);
    }

    @Test
    void externalValueScalesDownOnReadyPodsOnly() throws CalculationException {
        List<PodSnapshot> oneReady = List.of(pod("a").unready().build(), pod("b").build(), pod("c").unready().build());

        assertThat(ObjectExternalReplicas.externalValue(3, List.of(8600L), 4400, DEFAULT, oneReady).replicas()).isEqualTo(2);
    }

    @Test
    void externalAverageValueOverflowSaturates() throws CalculationException {
        UsageProposal p = ObjectExternalReplicas.externalAverageValue(1, List.of(Long.MAX_VALUE), 1, DEFAULT);

        assertThat(p.replicas()).isEqualTo(Integer.MAX_VALUE);
        assertThat(p.usageMilli()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void noSeriesIsAnError() {
        assertThatThrownBy(() -> ObjectExternalReplicas.externalAverageValue(1, List.of(), 1, DEFAULT))
                .hasMessageContaining("no metrics returned from external metrics API");
    }

    @Test
    void valueTargetWithoutPodsCannotCountReadyPods() {
        assertThatThrownBy(() -> ObjectExternalReplicas.objectValue(3, 20000, 10000, DEFAULT, List.of()))
                .hasMessage("unable to calculate ready pods: no pods returned by selector while calculating replica count");
    }
}
