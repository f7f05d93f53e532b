package io.greenscale.policy.hpa.spec;

import java.time.Duration;
import java.util.Objects;

/**
 * The controller-manager side of the HPA: every constant upstream takes from a flag or a package
 * variable, plus the behaviours that changed between Kubernetes releases (hpa-spec §2, §12).
 * Upstream's own unit tests run with other constants than production, so nothing here is fixed.
 *
 * @param syncPeriod                    {@code --horizontal-pod-autoscaler-sync-period} (15 s)
 * @param tolerance                     {@code --horizontal-pod-autoscaler-tolerance} (0.1), both directions
 * @param cpuInitializationPeriod       {@code --horizontal-pod-autoscaler-cpu-initialization-period} (5 min)
 * @param initialReadinessDelay         {@code --horizontal-pod-autoscaler-initial-readiness-delay} (30 s)
 * @param downscaleStabilizationWindow  {@code --horizontal-pod-autoscaler-downscale-stabilization} (5 min)
 * @param scaleUpLimitFactor            {@code horizontal.go: scaleUpLimitFactor} (2; upstream's tests set 8)
 * @param scaleUpLimitMinimum           {@code horizontal.go: scaleUpLimitMinimum} (4)
 * @param revision                      which upstream behaviour to reproduce where releases differ
 */
public record HpaConfig(
        Duration syncPeriod,
        double tolerance,
        Duration cpuInitializationPeriod,
        Duration initialReadinessDelay,
        Duration downscaleStabilizationWindow,
        double scaleUpLimitFactor,
        double scaleUpLimitMinimum,
        UpstreamRevision revision) {

    public HpaConfig {
        Objects.requireNonNull(syncPeriod, "syncPeriod");
        Objects.requireNonNull(cpuInitializationPeriod, "cpuInitializationPeriod");
        Objects.requireNonNull(initialReadinessDelay, "initialReadinessDelay");
        Objects.requireNonNull(downscaleStabilizationWindow, "downscaleStabilizationWindow");
        Objects.requireNonNull(revision, "revision");
        if (syncPeriod.isZero() || syncPeriod.isNegative()) {
            throw new IllegalArgumentException("syncPeriod must be > 0, got " + syncPeriod);
        }
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
        }
    }

    /** kube-controller-manager's defaults ({@code config/v1alpha1/defaults.go}) and the newest behaviour. */
    public static HpaConfig production() {
        return new HpaConfig(Duration.ofSeconds(15), 0.1, Duration.ofMinutes(5), Duration.ofSeconds(30),
                Duration.ofMinutes(5), 2.0, 4.0, UpstreamRevision.LATEST);
    }

    /**
     * The constants upstream's unit tests run with: CPU initialisation 2 min, readiness delay 10 s
     * ({@code replica_calculator.go: defaultTestingCPUInitializationPeriod,
     * defaultTestingDelayOfInitialReadinessStatus}), scale-up factor 8 ({@code horizontal_test.go: init}).
     */
    public static HpaConfig upstreamTest() {
        return new HpaConfig(Duration.ofSeconds(15), 0.1, Duration.ofMinutes(2), Duration.ofSeconds(10),
                Duration.ofMinutes(5), 8.0, 4.0, UpstreamRevision.LATEST);
    }

    public HpaConfig withSyncPeriod(Duration value) {
        return new HpaConfig(value, tolerance, cpuInitializationPeriod, initialReadinessDelay, downscaleStabilizationWindow, scaleUpLimitFactor, scaleUpLimitMinimum, revision);
    }

    public HpaConfig withTolerance(double value) {
        return new HpaConfig(syncPeriod, value, cpuInitializationPeriod, initialReadinessDelay, downscaleStabilizationWindow, scaleUpLimitFactor, scaleUpLimitMinimum, revision);
    }

    public HpaConfig withCpuInitializationPeriod(Duration value) {
        return new HpaConfig(syncPeriod, tolerance, value, initialReadinessDelay, downscaleStabilizationWindow, scaleUpLimitFactor, scaleUpLimitMinimum, revision);
    }

    public HpaConfig withInitialReadinessDelay(Duration value) {
        return new HpaConfig(syncPeriod, tolerance, cpuInitializationPeriod, value, downscaleStabilizationWindow, scaleUpLimitFactor, scaleUpLimitMinimum, revision);
    }

    public HpaConfig withDownscaleStabilizationWindow(Duration value) {
        return new HpaConfig(syncPeriod, tolerance, cpuInitializationPeriod, initialReadinessDelay, value, scaleUpLimitFactor, scaleUpLimitMinimum, revision);
    }

    public HpaConfig withScaleUpLimit(double factor, double minimum) {
        return new HpaConfig(syncPeriod, tolerance, cpuInitializationPeriod, initialReadinessDelay, downscaleStabilizationWindow, factor, minimum, revision);
    }

    public HpaConfig withRevision(UpstreamRevision value) {
        return new HpaConfig(syncPeriod, tolerance, cpuInitializationPeriod, initialReadinessDelay, downscaleStabilizationWindow, scaleUpLimitFactor, scaleUpLimitMinimum, value);
    }
}
