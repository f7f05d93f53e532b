package io.greenscale.policy.hpa.controller;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one sync of one HPA.
 *
 * @param desiredReplicas the count the target is set to after the sync ({@code status.desiredReplicas})
 * @param rescale         whether the scale subresource was written
 * @param reconcileError  whether {@code reconcileAutoscaler} returned an error (a metric failed)
 * @param path            which branch of the reconcile decided
 * @param evaluation      the metrics' proposals; null when metrics were not computed
 * @param normalized      stabilisation and limits; null when the metrics were not normalised
 * @param error           the first error message, null when none
 */
public record ReconcileResult(
        int currentReplicas,
        int desiredReplicas,
        boolean rescale,
        boolean reconcileError,
        Path path,
        MetricsEvaluation evaluation,
        Normalized normalized,
        String error,
        ControllerState next) {

    public ReconcileResult {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(next, "next");
    }

    public Conditions conditions() {
        return next.conditions();
    }

    public List<MetricProposal> proposals() {
        return evaluation == null ? List.of() : evaluation.proposals();
    }

    /** The branches of {@code reconcileAutoscaler}. */
    public enum Path {
        /** At zero replicas and not allowed to scale from zero: ScalingActive=False ScalingDisabled. */
        DISABLED_AT_ZERO,
        /** Current count above maxReplicas: set to max, no metrics read. */
        ABOVE_MAX,
        /** Current count below minReplicas: set to min, no metrics read. */
        BELOW_MIN,
        /** Metrics failed such that nothing may change. */
        METRICS_FAILED,
        /** Metrics computed and normalised. */
        NORMALIZED
    }
}
