package io.greenscale.policy.keda;

import io.greenscale.policy.Decision;
import io.greenscale.policy.Explanation;
import io.greenscale.policy.Explanation.SignalNote;
import io.greenscale.policy.Policy;
import io.greenscale.policy.PolicyState;
import io.greenscale.policy.Reason;
import io.greenscale.policy.hpa.HpaDecisions;
import io.greenscale.policy.hpa.controller.ControllerInput;
import io.greenscale.policy.hpa.controller.ControllerState;
import io.greenscale.policy.hpa.controller.HpaController;
import io.greenscale.policy.hpa.controller.MetricProposal;
import io.greenscale.policy.hpa.controller.ReconcileResult;
import io.greenscale.policy.hpa.spec.HpaConfig;
import io.greenscale.policy.hpa.spec.HpaSpec;
import io.greenscale.policy.hpa.spec.MetricSpec;
import io.greenscale.policy.hpa.spec.MetricTarget;
import io.greenscale.policy.signal.Signal;
import io.greenscale.policy.signal.Signals;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A KEDA ScaledObject as a {@link Policy}: the operator polls the triggers every
 * {@code pollingInterval} (activation 0 → 1, cooldown to zero, failure counting), and the HPA it
 * generates syncs on its own period, reading each trigger through KEDA's metrics server as an
 * External metric ({@code AverageValue} = the trigger's target). Both schedules run inside one
 * policy: {@link #syncPeriod()} is their greatest common divisor and each part acts only when
 * due. When the operator writes a count, the HPA does not act in the same tick.
 */
public final class KedaPolicy implements Policy {
    private final String name;
    private final KedaSpec spec;
    private final HpaSpec hpaSpec;
    private final HpaController controller;

    public KedaPolicy(String name, KedaSpec spec, HpaConfig controllerConfig) {
        this.name = Objects.requireNonNull(name, "name");
        this.spec = Objects.requireNonNull(spec, "spec");
        List<MetricSpec> metrics = spec.triggers().stream().<MetricSpec>map(t -> new MetricSpec.ExternalMetric(t.metricName(),
                t.averageValue() ? new MetricTarget.AverageValue(t.targetMilli()) : new MetricTarget.Value(t.targetMilli()))).toList();
        this.hpaSpec = new HpaSpec(spec.hpaMinReplicas(), spec.maxReplicaCount(), metrics, spec.behavior());
        this.controller = new HpaController(controllerConfig);
    }

    public KedaSpec spec() {
        return spec;
    }

    /** The HPA KEDA generates for this ScaledObject. */
    public HpaSpec hpaSpec() {
        return hpaSpec;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Duration syncPeriod() {
        long a = spec.pollingInterval().toMillis();
        long b = controller.config().syncPeriod().toMillis();
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return Duration.ofMillis(a);
    }

    @Override
    public Set<Signal> inputs() {
        Set<Signal> inputs = EnumSet.noneOf(Signal.class);
        for (KedaTrigger t : spec.triggers()) {
            for (Signal s : Signal.values()) {
                if (s.key().equals(t.source())) {
                    inputs.add(s);
                }
            }
        }
        return inputs;
    }

    @Override
    public PolicyState initialState() {
        return KedaState.FRESH;
    }

    @Override
    public Decision decide(Signals signals, PolicyState state, Instant now) {
        if (!(state instanceof KedaState s)) {
            throw new IllegalArgumentException("the KEDA policy needs its own state (initialState()), got " + state);
        }
        if (s.createdAt() == null) {
            s = new KedaState(now, now, now, null, Map.of(), ControllerState.FRESH);
        }
        int current = signals.currentReplicas();
        List<TriggerRead> reads = spec.triggers().stream().map(t -> TriggerRead.of(t, signals)).toList();
        boolean pollDue = !now.isBefore(s.nextPoll());
        boolean hpaDue = !now.isBefore(s.nextHpaSync());
        Instant nextPoll = pollDue ? advance(s.nextPoll(), spec.pollingInterval(), now) : s.nextPoll();
        Instant nextHpa = hpaDue ? advance(s.nextHpaSync(), controller.config().syncPeriod(), now) : s.nextHpaSync();

        OperatorStep op = pollDue ? OperatorStep.poll(spec, s, current, reads, now) : null;
        Map<String, Integer> failures = op == null ? s.failures() : op.failures();
        Instant lastActive = op == null ? s.lastActiveTime() : op.lastActiveTime();
        List<SignalNote> triggerNotes = notes(reads, failures);

        if (op != null && op.replicas() != current) {
            Explanation why = new Explanation(triggerNotes, List.of(), "keda-operator", op.replicas(),
                    List.of(new Explanation.StepNote(rule(op.reason()), current, op.replicas(), op.detail())));
            return new Decision(current, op.replicas(), op.reason(),
                    why, new KedaState(s.createdAt(), nextPoll, nextHpa, lastActive, failures, s.hpa()));
        }
        if (!hpaDue) {
            Reason reason = op != null && op.reason() != null ? op.reason() : Reason.STEADY;
            Explanation why = new Explanation(triggerNotes, List.of(), null, current, List.of());
            return new Decision(current, current, reason, why, new KedaState(s.createdAt(), nextPoll, nextHpa, lastActive, failures, s.hpa()));
        }

        Map<String, TriggerRead> byMetric = new LinkedHashMap<>();
        reads.forEach(r -> byMetric.put(r.trigger().metricName(), r));
        KedaMetricsClient metrics = new KedaMetricsClient(spec, byMetric, failures);
        ReconcileResult r = controller.reconcile(hpaSpec,
                new ControllerInput(current, signals.statusReplicas(), signals.pods(), metrics), s.hpa(), now);
        Explanation hpaWhy = HpaDecisions.explain(r);
        List<SignalNote> allNotes = new ArrayList<>(triggerNotes);
        Explanation why = new Explanation(allNotes, hpaWhy.proposals(), hpaWhy.winner(), hpaWhy.recommended(), hpaWhy.steps());
        return new Decision(current, r.desiredReplicas(), reason(r, op, metrics, current), why,
                new KedaState(s.createdAt(), nextPoll, nextHpa, lastActive, failures, r.next()));
    }

    private static Reason reason(ReconcileResult r, OperatorStep op, KedaMetricsClient metrics, int current) {
        MetricProposal winner = r.evaluation() == null ? null : r.evaluation().winner();
        if (winner != null && winner.spec() instanceof MetricSpec.ExternalMetric e && metrics.fallbackActiveFor(e.name())) {
            return Reason.FALLBACK;
        }
        if (r.desiredReplicas() == current && op != null && op.reason() == Reason.COOLDOWN) {
            return Reason.COOLDOWN;
        }
        return switch (r.path()) {
            case DISABLED_AT_ZERO -> Reason.STEADY; // scaled to zero by KEDA: the HPA waits for activation
            default -> HpaDecisions.reason(r);
        };
    }

    private static List<SignalNote> notes(List<TriggerRead> reads, Map<String, Integer> failures) {
        List<SignalNote> notes = new ArrayList<>();
        for (TriggerRead read : reads) {
            String metric = read.trigger().metricName();
            if (read.failed()) {
                notes.add(new SignalNote(read.trigger().source(), null, null, null, "absent",
                        read.failure() + "; consecutive failures: " + failures.getOrDefault(metric, 0)));
            } else {
                notes.add(new SignalNote(read.trigger().source(), read.value(), null, null, "ok",
                        read.active() ? "active (> activation threshold " + read.trigger().activationThreshold() + ")" : "not active"));
            }
        }
        return notes;
    }

    private static String rule(Reason reason) {
        return switch (reason) {
            case ACTIVATION -> "activation";
            case SCALE_TO_ZERO -> "scale_to_zero";
            default -> "bounds";
        };
    }

    /** The next due instant strictly after {@code now} on the schedule {@code due + k × period}. */
    private static Instant advance(Instant due, Duration period, Instant now) {
        long behind = Duration.between(due, now).toMillis() / period.toMillis();
        return due.plus(period.multipliedBy(behind + 1));
    }
}
