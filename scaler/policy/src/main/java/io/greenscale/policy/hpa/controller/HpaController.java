package io.greenscale.policy.hpa.controller;

import static io.greenscale.policy.hpa.controller.Conditions.ABLE_TO_SCALE;
import static io.greenscale.policy.hpa.controller.Conditions.SCALED_TO_ZERO;
import static io.greenscale.policy.hpa.controller.Conditions.SCALING_ACTIVE;
import static io.greenscale.policy.hpa.controller.Conditions.SCALING_LIMITED;

import io.greenscale.policy.hpa.calc.PodGrouping;
import io.greenscale.policy.hpa.calc.ReplicaCalculator;
import io.greenscale.policy.hpa.calc.Tolerances;
import io.greenscale.policy.hpa.controller.ReconcileResult.Path;
import io.greenscale.policy.hpa.normalize.Recommendation;
import io.greenscale.policy.hpa.normalize.ScaleEvent;
import io.greenscale.policy.hpa.normalize.ScaleEventLog;
import io.greenscale.policy.hpa.spec.BehaviorDefaults;
import io.greenscale.policy.hpa.spec.HpaConfig;
import io.greenscale.policy.hpa.spec.HpaSpec;
import io.greenscale.policy.hpa.spec.UpstreamRevision;
import io.greenscale.policy.hpa.spec.UpstreamRevision.ScaleFromZero;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One sync of one HPA ({@code horizontal.go: reconcileAutoscaler}): read the scale, seed the
 * recommendation history, handle the zero / above-max / below-min cases, compute the metrics,
 * normalise (legacy or behavior path), rescale, record the scale event and the conditions.
 * A pure function of (spec, input, state, now); the new state is part of the result.
 */
public final class HpaController {
    private final HpaConfig config;
    private final MetricEvaluator evaluator;

    public HpaController(HpaConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        UpstreamRevision revision = config.revision();
        this.evaluator = new MetricEvaluator(new ReplicaCalculator(
                new PodGrouping.Settings(config.cpuInitializationPeriod(), config.initialReadinessDelay(), revision.succeededPodsIgnored()),
                revision.missingPodsAtTargetAboveHundred()));
    }

    public HpaConfig config() {
        return config;
    }

    public ReconcileResult reconcile(HpaSpec spec, ControllerInput in, ControllerState state, Instant now) {
        int current = in.specReplicas();
        int min = spec.effectiveMinReplicas();
        UpstreamRevision revision = config.revision();
        boolean conditionRules = revision.scaleFromZero() == ScaleFromZero.SCALED_TO_ZERO_CONDITION;
        boolean gate = revision.hpaScaleToZeroGate();
        boolean hasObjectOrExternal = spec.hasObjectOrExternalMetric();

        Conditions conditions = state.conditions().with(ABLE_TO_SCALE, Condition.isTrue("SucceededGetScale"));
        List<Recommendation> history = state.recommendations() == null
                ? List.of(new Recommendation(current, now)) : state.recommendations();
        List<ScaleEvent> upEvents = state.scaleUpEvents();
        List<ScaleEvent> downEvents = state.scaleDownEvents();
        boolean scaledToZero = gate && conditions.isTrue(SCALED_TO_ZERO);

        if (current == 0 && !mayScaleFromZero(conditionRules, min, scaledToZero, hasObjectOrExternal)) {
            // A target scaled to zero by hand pauses the HPA.
            conditions = conditions.with(SCALING_ACTIVE, Condition.isFalse("ScalingDisabled"));
            if (conditionRules && !gate) {
                conditions = conditions.without(SCALED_TO_ZERO);
            }
            return new ReconcileResult(current, 0, false, false, Path.DISABLED_AT_ZERO, null, null, null,
                    new ControllerState(history, upEvents, downEvents, conditions));
        }

        int desired;
        Path path;
        MetricsEvaluation evaluation = null;
        Normalized normalized = null;
        String error = null;
        if (current != 0 && current > spec.maxReplicas()) {
            desired = spec.maxReplicas();
            path = Path.ABOVE_MAX;
        } else if (current != 0 && current < min) {
            desired = min;
            path = Path.BELOW_MIN;
        } else {
            evaluation = evaluateMetrics(spec, in, tolerances(spec), now);
            if (evaluation.anyFailed()) {
                error = "invalid metrics (" + evaluation.proposals().stream().filter(MetricProposal::failed).count() + " invalid out of "
                        + spec.metrics().size() + "), first error is: " + evaluation.firstFailure().error();
            }
            if (evaluation.blocked()) {
                conditions = conditions.with(SCALING_ACTIVE, Condition.isFalse(evaluation.firstFailure().failureReason()));
                return new ReconcileResult(current, current, false, true, Path.METRICS_FAILED, evaluation, null, error,
                        new ControllerState(history, upEvents, downEvents, conditions));
            }
            conditions = conditions.with(SCALING_ACTIVE, Condition.isTrue("ValidMetricFound"));
            int recommended = Math.max(0, evaluation.replicas());
            normalized = spec.behavior() == null
                    ? Normalizer.legacy(config, spec, history, current, recommended, now)
                    : Normalizer.withBehavior(config, spec, upEvents, downEvents, history, current, recommended, now);
            history = normalized.history();
            conditions = conditions
                    .with(ABLE_TO_SCALE, Condition.isTrue(normalized.ableToScaleReason()))
                    .with(SCALING_LIMITED, new Condition(normalized.isLimited(), normalized.limited().reason()));
            desired = normalized.limited().replicas();
            if (conditionRules && current == 0 && min != 0 && scaledToZero && desired < min) {
                // Scaling from zero after minReplicas was raised: at least min.
                desired = min;
            }
            path = Path.NORMALIZED;
        }

        boolean rescale = desired != current;
        if (rescale) {
            conditions = conditions.with(ABLE_TO_SCALE, Condition.isTrue("SucceededRescale"));
            if (spec.behavior() != null) {
                if (desired > current) {
                    upEvents = ScaleEventLog.store(upEvents, BehaviorDefaults.scaleUp(spec.behavior().scaleUp()), current, desired, now);
                } else {
                    downEvents = ScaleEventLog.store(downEvents,
                            BehaviorDefaults.scaleDown(spec.behavior().scaleDown(), config.downscaleStabilizationWindow()), current, desired, now);
                }
            }
            if (conditionRules) {
                // The ScaledToZero condition is set on every rescale so that it is never stale.
                conditions = !gate ? conditions.without(SCALED_TO_ZERO)
                        : conditions.with(SCALED_TO_ZERO, current > 0 && desired == 0 && min == 0 && hasObjectOrExternal
                        ? Condition.isTrue("ScaledToZero") : Condition.isFalse("NotScaledToZero"));
            }
        } else {
            desired = current;
        }
        return new ReconcileResult(current, desired, rescale, error != null, path, evaluation, normalized, error,
                new ControllerState(history, upEvents, downEvents, conditions));
    }

    private static boolean mayScaleFromZero(boolean conditionRules, int min, boolean scaledToZero, boolean hasObjectOrExternal) {
        if (!conditionRules) {
            return min == 0;
        }
        // shouldComputeMetricsForZeroReplicas (2026).
        return (min != 0 && scaledToZero) || (scaledToZero && hasObjectOrExternal);
    }

    /** {@code computeReplicasForMetrics}: the largest valid proposal; failures may block a scale-down or everything. */
    private MetricsEvaluation evaluateMetrics(HpaSpec spec, ControllerInput in, Tolerances tolerances, Instant now) {
        List<MetricProposal> proposals = spec.metrics().stream().map(m -> evaluator.evaluate(m, in, tolerances, now)).toList();
        int replicas = 0;
        int invalid = 0;
        MetricProposal winner = null;
        MetricProposal firstFailure = null;
        for (MetricProposal p : proposals) {
            if (p.failed()) {
                if (invalid == 0) {
                    firstFailure = p;
                }
                invalid++;
                continue;
            }
            if (replicas == 0 || p.replicas() > replicas) {
                replicas = p.replicas();
                winner = p;
            }
        }
        boolean blocked = invalid >= proposals.size()
                || (invalid > 0 && replicas < in.specReplicas() && config.revision().partialFailureBlocksScaleDown());
        return new MetricsEvaluation(blocked ? -1 : replicas, proposals, blocked ? null : winner, firstFailure);
    }

    /** {@code tolerancesForHpa}: per-direction tolerances from behavior when the gate allows. */
    private Tolerances tolerances(HpaSpec spec) {
        double down = config.tolerance();
        double up = config.tolerance();
        if (spec.behavior() != null && config.revision().configurableToleranceGate()) {
            if (spec.behavior().scaleDown() != null && spec.behavior().scaleDown().tolerance() != null) {
                down = spec.behavior().scaleDown().tolerance();
            }
            if (spec.behavior().scaleUp() != null && spec.behavior().scaleUp().tolerance() != null) {
                up = spec.behavior().scaleUp().tolerance();
            }
        }
        return new Tolerances(down, up, config.revision().toleranceInterval());
    }
}
