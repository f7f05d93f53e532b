package io.greenscale.policy.hpa.spec;

import java.time.Duration;
import java.util.List;

/**
 * API defaulting of behavior rules ({@code pkg/apis/autoscaling/v2/defaults.go:
 * GenerateHPAScaleUpRules, GenerateHPAScaleDownRules, copyHPAScalingRules}): each field the user
 * set is kept, every other takes the default; a non-empty policy list replaces the default list.
 * The scale-down window, when unset, becomes the controller's downscale-stabilisation flag
 * ({@code horizontal.go: maybeInitScaleDownStabilizationWindow}).
 */
public final class BehaviorDefaults {
    private BehaviorDefaults() {}

    /** Default scale-up: window 0 s, Max, +4 pods or +100 % per 15 s. */
    public static final List<ScalingPolicy> SCALE_UP_POLICIES = List.of(ScalingPolicy.pods(4, 15), ScalingPolicy.percent(100, 15));
    /** Default scale-down: Max, −100 % per 15 s; the window comes from the controller flag. */
    public static final List<ScalingPolicy> SCALE_DOWN_POLICIES = List.of(ScalingPolicy.percent(100, 15));

    public static ResolvedRules scaleUp(ScalingRules user) {
        ScalingRules u = user == null ? ScalingRules.UNSET : user;
        return new ResolvedRules(
                u.stabilizationWindowSeconds() == null ? 0 : u.stabilizationWindowSeconds(),
                u.selectPolicy() == null ? SelectPolicy.MAX : u.selectPolicy(),
                u.policies() == null || u.policies().isEmpty() ? SCALE_UP_POLICIES : u.policies());
    }

    public static ResolvedRules scaleDown(ScalingRules user, Duration downscaleStabilizationWindow) {
        ScalingRules u = user == null ? ScalingRules.UNSET : user;
        return new ResolvedRules(
                u.stabilizationWindowSeconds() == null ? (int) downscaleStabilizationWindow.toSeconds() : u.stabilizationWindowSeconds(),
                u.selectPolicy() == null ? SelectPolicy.MAX : u.selectPolicy(),
                u.policies() == null || u.policies().isEmpty() ? SCALE_DOWN_POLICIES : u.policies());
    }
}
