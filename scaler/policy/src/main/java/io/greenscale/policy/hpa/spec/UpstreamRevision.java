package io.greenscale.policy.hpa.spec;

/**
 * The upstream behaviours that changed the numbers between releases (hpa-spec §12), each
 * selectable, so a comparison can be run against the HPA a cluster actually has.
 *
 * @param partialFailureBlocksScaleDown some metrics failing and the rest proposing fewer replicas
 *                                      → no scaling (v1.21, PR #99514); before, the rest decided
 * @param periodStartCountsBothDirections a policy period's starting count adds back scale-downs as
 *                                      well as subtracting scale-ups (PR #109058, v1.25); before,
 *                                      only the direction's own events
 * @param missingPodsAtTargetAboveHundred on a scale-down, missing pods count at
 *                                      {@code max(100, target)} % of their request (v1.26, PR #112178);
 *                                      before, at 100 %
 * @param toleranceInterval             tolerance test {@code 1−down ≤ r ≤ 1+up} (v1.33, KEP-4951);
 *                                      before, {@code |1−r| ≤ tolerance}, which excludes r = 1.1 exactly
 * @param configurableToleranceGate     {@code HPAConfigurableTolerance}: {@code behavior.*.tolerance} is read
 * @param succeededPodsIgnored          Succeeded pods are ignored like Failed ones (PR #141302, 2026)
 * @param scaleFromZero                 how a target at zero replicas is treated (PR #135118, 2026)
 * @param hpaScaleToZeroGate            {@code HPAScaleToZero}: minReplicas 0 and the ScaledToZero condition
 */
public record UpstreamRevision(
        boolean partialFailureBlocksScaleDown,
        boolean periodStartCountsBothDirections,
        boolean missingPodsAtTargetAboveHundred,
        boolean toleranceInterval,
        boolean configurableToleranceGate,
        boolean succeededPodsIgnored,
        ScaleFromZero scaleFromZero,
        boolean hpaScaleToZeroGate) {

    /** Upstream master as of 2026, with the scale-to-zero gate off (its default). */
    public static final UpstreamRevision LATEST = new UpstreamRevision(true, true, true, true, true, true,
            ScaleFromZero.SCALED_TO_ZERO_CONDITION, false);

    /**
     * The behaviour of a Kubernetes minor release, e.g. {@code forRelease(1, 30)}. Releases after
     * the newest one named here behave like {@link #LATEST}. The configurable-tolerance gate is on
     * from 1.34 (beta); the scale-to-zero gate stays off (alpha) in every release.
     */
    public static UpstreamRevision forRelease(int major, int minor) {
        int v = major * 1000 + minor;
        return new UpstreamRevision(v >= 1021, v >= 1025, v >= 1026, v >= 1033, v >= 1034, v >= 1036,
                v >= 1036 ? ScaleFromZero.SCALED_TO_ZERO_CONDITION : ScaleFromZero.LEGACY, false);
    }

    public UpstreamRevision withScaleFromZero(ScaleFromZero value) {
        return new UpstreamRevision(partialFailureBlocksScaleDown, periodStartCountsBothDirections, missingPodsAtTargetAboveHundred,
                toleranceInterval, configurableToleranceGate, succeededPodsIgnored, value, hpaScaleToZeroGate);
    }

    public UpstreamRevision withHpaScaleToZeroGate(boolean value) {
        return new UpstreamRevision(partialFailureBlocksScaleDown, periodStartCountsBothDirections, missingPodsAtTargetAboveHundred,
                toleranceInterval, configurableToleranceGate, succeededPodsIgnored, scaleFromZero, value);
    }

    public UpstreamRevision withConfigurableToleranceGate(boolean value) {
        return new UpstreamRevision(partialFailureBlocksScaleDown, periodStartCountsBothDirections, missingPodsAtTargetAboveHundred,
                toleranceInterval, value, succeededPodsIgnored, scaleFromZero, hpaScaleToZeroGate);
    }

    /** How a target at zero replicas is reconciled ({@code horizontal.go: reconcileAutoscaler}). */
    public enum ScaleFromZero {
        /** Before 2026: minReplicas 0 computes metrics from zero; minReplicas ≥ 1 disables scaling. */
        LEGACY,
        /** 2026 ({@code shouldComputeMetricsForZeroReplicas}): only with a ScaledToZero=True condition. */
        SCALED_TO_ZERO_CONDITION
    }
}
