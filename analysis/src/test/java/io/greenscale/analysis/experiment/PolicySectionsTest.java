package io.greenscale.analysis.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenscale.analysis.scenario.Deployment;
import io.greenscale.analysis.scenario.PolicyCatalog;
import io.greenscale.policy.Decision;
import io.greenscale.policy.Policies;
import io.greenscale.policy.Policy;
import io.greenscale.policy.PolicyState;
import io.greenscale.policy.hpa.HpaPolicy;
import io.greenscale.policy.keda.KedaPolicy;
import io.greenscale.policy.signal.PodSnapshot;
import io.greenscale.policy.signal.Signal;
import io.greenscale.policy.signal.Signals;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The real scaler must run the very policy the simulator builds for the same deployment. */
class PolicySectionsTest {
    static final Deployment D = new Deployment(1, 4, Duration.ofSeconds(4), 2.0, 2, Duration.ofSeconds(35), false, true);
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @ParameterizedTest(name = "{0}: the scaler section builds the simulator's policy")
    @ValueSource(strings = {"greenscale", "hpa-cpu70", "hpa-cpu90", "hpa-gpu", "keda-queue"})
    void each_section_parses_to_the_catalog_policy(String name) {
        Policy fromSection = Policies.fromMap(PolicySections.of(name, D), "policy");
        Policy catalog = PolicyCatalog.create(name, D);

        assertThat(fromSection.name()).isEqualTo(name);
        assertThat(fromSection.syncPeriod()).isEqualTo(catalog.syncPeriod());
        assertThat(fromSection.inputs()).isEqualTo(catalog.inputs());
        switch (catalog) {
            case HpaPolicy h -> assertThat(((HpaPolicy) fromSection).spec()).isEqualTo(h.spec());
            case KedaPolicy k -> assertThat(((KedaPolicy) fromSection).spec()).isEqualTo(k.spec());
            default -> {
                assertThat(decisions(catalog)).as("the timeline moves the policy").anyMatch(n -> n > 1);
                assertThat(decisions(fromSection)).isEqualTo(decisions(catalog));
            }
        }
    }

    /** A load step seen through every signal: the replica counts a policy decides over two minutes. */
    static List<Integer> decisions(Policy p) {
        PolicyState state = p.initialState();
        List<Integer> out = new ArrayList<>();
        int current = 1;
        for (int t = 0; t <= 120; t += 5) {
            Instant now = T0.plusSeconds(t);
            double arrivals = t < 30 ? 1.5 : 6;
            Signals s = Signals.builder(current).statusReplicas(current)
                    .set(Signal.QUEUE_BACKLOG, t < 30 ? 0 : 4 * (t - 25), now).set(Signal.IN_FLIGHT, 2 * current, now)
                    .set(Signal.ARRIVAL_RATE, arrivals, now).set(Signal.COMPLETION_RATE, Math.min(arrivals, 2.0 * current), now)
                    .set(Signal.READY_REPLICAS, current, now).set(Signal.STARTING_REPLICAS, 0, now)
                    .set(Signal.P95_LATENCY, t < 30 ? 1.2 : 6.0, now)
                    .pods(List.of(new PodSnapshot("w-0", PodSnapshot.Phase.RUNNING, false, T0.minusSeconds(600),
                            new PodSnapshot.ReadyCondition(true, T0.minusSeconds(590)), Map.of("cpu", 250L), Map.of())))
                    .build();
            Decision d = p.decide(s, state, now);
            state = d.next();
            current = d.desired();
            out.add(current);
        }
        return out;
    }

    @Test
    void keda_scales_on_the_backlog_the_scaler_polls_with_the_simulators_list_length() {
        Map<String, Object> keda = PolicySections.of("keda-queue", D);
        assertThat(keda).containsEntry("pollingInterval", "30s").containsEntry("cooldownPeriod", "300s");
        assertThat(keda.toString()).contains("listName=queue").contains("listLength=" + PolicyCatalog.kedaListLength(D));
    }

    @Test
    void policies_that_need_no_scaler_or_the_future_are_not_offered() {
        assertThatThrownBy(() -> PolicySections.of("oracle", D)).hasMessageContaining("the local experiment runs greenscale, hpa-cpu70");
    }
}
