package io.greenscale.policy.hpa;

import io.greenscale.policy.Decision;
import io.greenscale.policy.Explanation;
import io.greenscale.policy.Policy;
import io.greenscale.policy.PolicyState;
import io.greenscale.policy.Reason;
import io.greenscale.policy.hpa.controller.ControllerInput;
import io.greenscale.policy.hpa.controller.HpaController;
import io.greenscale.policy.hpa.controller.ReconcileResult;
import io.greenscale.policy.hpa.spec.HpaConfig;
import io.greenscale.policy.hpa.spec.HpaSpec;
import io.greenscale.policy.hpa.spec.MetricSpec;
import io.greenscale.policy.signal.Signal;
import io.greenscale.policy.signal.Signals;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The Kubernetes HPA ({@code autoscaling/v2}) as a {@link Policy}: each call is one sync of the
 * upstream controller, every {@link HpaConfig#syncPeriod()} from the first call (a call in between
 * holds the count, as the controller has not looked yet). It reads {@code scale.spec.replicas}
 * and {@code scale.status.replicas} from {@link Signals}, the pods (with their CPU or custom
 * samples) for Resource and Pods metrics, and named extra metrics for Object and External ones.
 */
public final class HpaPolicy implements Policy {
    private final String name;
    private final HpaSpec spec;
    private final HpaController controller;

    public HpaPolicy(String name, HpaSpec spec, HpaConfig config) {
        this.name = Objects.requireNonNull(name, "name");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.controller = new HpaController(config);
    }

    public HpaSpec spec() {
        return spec;
    }

    public HpaConfig config() {
        return controller.config();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Duration syncPeriod() {
        return controller.config().syncPeriod();
    }

    /** The signals standing in for Object and External metrics named after a signal key ({@code queue}, …). */
    @Override
    public Set<Signal> inputs() {
        Set<Signal> inputs = EnumSet.noneOf(Signal.class);
        for (MetricSpec m : spec.metrics()) {
            Signal s = SignalsMetricsClient.signalFor(m.name());
            if (m.isObjectOrExternal() && s != null) {
                inputs.add(s);
            }
        }
        return inputs;
    }

    @Override
    public boolean readsPods() {
        return spec.metrics().stream().anyMatch(m -> m instanceof MetricSpec.ResourceMetric || m instanceof MetricSpec.PodsMetric);
    }

    @Override
    public PolicyState initialState() {
        return HpaPolicyState.FRESH;
    }

    @Override
    public Decision decide(Signals signals, PolicyState state, Instant now) {
        if (!(state instanceof HpaPolicyState hpaState)) {
            throw new IllegalArgumentException("the HPA policy needs its own state (initialState()), got " + state);
        }
        if (hpaState.nextSync() != null && now.isBefore(hpaState.nextSync())) {
            // Called between syncs: the controller has not looked yet.
            int current = signals.currentReplicas();
            return new Decision(current, current, Reason.STEADY,
                    new Explanation(List.of(), List.of(), null, current, List.of()), hpaState);
        }
        ControllerInput in = new ControllerInput(signals.currentReplicas(), signals.statusReplicas(), signals.pods(),
                new SignalsMetricsClient(signals));
        ReconcileResult result = controller.reconcile(spec, in, hpaState.controller(), now);
        return HpaDecisions.toDecision(result, new HpaPolicyState(result.next(), nextSync(hpaState.nextSync(), now)));
    }

    /** Syncs run every sync period from the first call: the next due instant strictly after {@code now}. */
    private Instant nextSync(Instant due, Instant now) {
        Duration period = syncPeriod();
        if (due == null) {
            return now.plus(period);
        }
        long behind = Duration.between(due, now).toNanos() / period.toNanos();
        return due.plus(period.multipliedBy(behind + 1));
    }
}
