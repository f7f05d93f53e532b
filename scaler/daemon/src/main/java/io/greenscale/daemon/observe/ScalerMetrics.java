package io.greenscale.daemon.observe;

import io.greenscale.daemon.signal.FailureSink;
import io.greenscale.daemon.signal.SourceException;
import io.greenscale.policy.Decision;
import io.greenscale.policy.Explanation;
import io.greenscale.policy.signal.Reading;
import io.greenscale.policy.signal.Signal;
import io.greenscale.policy.signal.Signals;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The daemon's Prometheus metrics (client_java 1.x). Label sets are fixed: {@code target},
 * {@code signal}, {@code source} (proposal), {@code reason}, and for failures {@code source} and
 * {@code kind} from {@link SourceException}.
 */
public final class ScalerMetrics implements FailureSink {
    private final PrometheusRegistry registry;
    private final Gauge desired;
    private final Gauge current;
    private final Gauge ready;
    private final Gauge observed;
    private final Gauge signalValue;
    private final Gauge signalAge;
    private final Gauge proposal;
    private final Gauge leader;
    private final Gauge targetInfo;
    private final Counter decisions;
    private final Counter sourceErrors;
    private final Counter writes;
    private final Counter skipped;
    private final Histogram tickDuration;

    public ScalerMetrics(PrometheusRegistry registry) {
        this.registry = registry;
        desired = gauge("greenscale_scaler_desired_replicas", "The replica count the last decision asked for.", "target");
        current = gauge("greenscale_scaler_current_replicas", "The replica count the target was set to (scale spec.replicas).", "target");
        ready = gauge("greenscale_scaler_ready_replicas", "Pods of the target that are Running and Ready.", "target");
        observed = gauge("greenscale_scaler_observed_hpa_replicas", "Shadow mode: the replica count the live HPA chose.", "target");
        signalValue = gauge("greenscale_scaler_signal_value", "Each signal's value at the last decision (units: see the signal).", "target", "signal");
        signalAge = gauge("greenscale_scaler_signal_age_seconds", "How old each signal's value was at the last decision.", "target", "signal");
        proposal = gauge("greenscale_scaler_proposal_replicas", "Each per-signal proposal of the last decision.", "target", "source");
        leader = gauge("greenscale_scaler_leader", "1 while this process holds the leader Lease (or runs without leader election).");
        targetInfo = gauge("greenscale_scaler_target_info", "1 per configured target, with its mode and policy.", "target", "mode", "policy");
        decisions = Counter.builder().name("greenscale_scaler_decisions_total").help("Decisions by the reason that set the result.")
                .labelNames("target", "reason").register(registry);
        sourceErrors = Counter.builder().name("greenscale_scaler_source_errors_total").help("Failed source calls by source and kind.")
                .labelNames("source", "kind").register(registry);
        writes = Counter.builder().name("greenscale_scaler_scale_writes_total")
                .help("Scale writes by result: applied, conflict (HTTP 409, retried next tick) or failed.")
                .labelNames("target", "result").register(registry);
        skipped = Counter.builder().name("greenscale_scaler_target_skipped_total")
                .help("Ticks on which a target could not be observed (no decision), by the failed source and kind.")
                .labelNames("target", "source", "kind").register(registry);
        tickDuration = Histogram.builder().name("greenscale_scaler_tick_duration_seconds")
                .help("Wall time of one tick over all due targets.")
                .classicOnly().classicUpperBounds(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
                .register(registry);
    }

    private Gauge gauge(String name, String help, String... labels) {
        return Gauge.builder().name(name).help(help).labelNames(labels).register(registry);
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    public void targetConfigured(String target, String mode, String policy) {
        targetInfo.labelValues(target, mode, policy).set(1);
        for (SourceException.Source s : SourceException.Source.values()) {
            for (SourceException.Kind k : SourceException.Kind.values()) {
                sourceErrors.initLabelValues(s.label(), k.label());
            }
        }
    }

    public void leader(boolean isLeader) {
        leader.set(isLeader ? 1 : 0);
    }

    @Override
    public void failed(SourceException failure) {
        sourceErrors.labelValues(failure.source().label(), failure.kind().label()).inc();
    }

    public void skipped(String target, SourceException failure) {
        skipped.labelValues(target, failure.source().label(), failure.kind().label()).inc();
    }

    public void tick(Duration took) {
        tickDuration.observe(took.toNanos() / 1e9);
    }

    public void write(String target, String result) {
        writes.labelValues(target, result).inc();
    }

    /** Everything one decision says about its target. */
    public void decided(String target, Signals signals, Decision decision, Integer observedHpa, Instant now) {
        desired.labelValues(target).set(decision.desired());
        current.labelValues(target).set(signals.currentReplicas());
        decisions.labelValues(target, decision.reason().name()).inc();
        if (signals.get(Signal.READY_REPLICAS) instanceof Reading.Present r) {
            ready.labelValues(target).set(r.value());
        } else {
            ready.remove(target);
        }
        if (observedHpa != null) {
            observed.labelValues(target).set(observedHpa);
        } else {
            observed.remove(target);
        }
        for (Signal s : Signal.values()) {
            readingGauges(target, s.key(), signals.get(s), now);
        }
        for (Map.Entry<String, Reading> e : signals.extra().entrySet()) {
            readingGauges(target, e.getKey(), e.getValue(), now);
        }
        proposal.removeIf(labels -> labels.getFirst().equals(target));
        for (Explanation.ProposalNote p : decision.why().proposals()) {
            proposal.labelValues(target, p.source()).set(p.replicas());
        }
    }

    /** A signal's value and age, or no series at all while it is absent (an old value would mislead). */
    private void readingGauges(String target, String signal, Reading reading, Instant now) {
        if (reading instanceof Reading.Present p) {
            signalValue.labelValues(target, signal).set(p.value());
            signalAge.labelValues(target, signal).set(p.age(now).toNanos() / 1e9);
        } else {
            signalValue.remove(target, signal);
            signalAge.remove(target, signal);
        }
    }
}
