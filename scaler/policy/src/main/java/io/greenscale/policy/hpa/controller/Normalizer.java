package io.greenscale.policy.hpa.controller;

import io.greenscale.policy.hpa.normalize.BehaviorRateLimiter;
import io.greenscale.policy.hpa.normalize.BehaviorStabilizer;
import io.greenscale.policy.hpa.normalize.LegacyClamp;
import io.greenscale.policy.hpa.normalize.LegacyStabilizer;
import io.greenscale.policy.hpa.normalize.Limited;
import io.greenscale.policy.hpa.normalize.Recommendation;
import io.greenscale.policy.hpa.normalize.ScaleEvent;
import io.greenscale.policy.hpa.normalize.Stabilized;
import io.greenscale.policy.hpa.spec.BehaviorDefaults;
import io.greenscale.policy.hpa.spec.HpaConfig;
import io.greenscale.policy.hpa.spec.HpaSpec;
import io.greenscale.policy.hpa.spec.ResolvedRules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The two normalisation paths ({@code horizontal.go: normalizeDesiredReplicas} when behavior is
 * nil, {@code normalizeDesiredReplicasWithBehaviors} otherwise): stabilise, then clamp or
 * rate-limit.
 */
final class Normalizer {
    private static final String READY = "ReadyForNewScale";

    private Normalizer() {}

    static Normalized legacy(HpaConfig config, HpaSpec spec, List<Recommendation> history, int current, int desired, Instant now) {
        Stabilized s = LegacyStabilizer.stabilize(history, desired, config.downscaleStabilizationWindow(), now);
        Limited limited = LegacyClamp.convert(current, s.replicas(), spec.effectiveMinReplicas(), spec.maxReplicas(),
                config.scaleUpLimitFactor(), config.scaleUpLimitMinimum());
        return new Normalized(desired, s.replicas(), s.replicas() != desired ? s.reasonIfChanged() : READY, limited, s.history());
    }

    static Normalized withBehavior(HpaConfig config, HpaSpec spec, List<ScaleEvent> upEvents, List<ScaleEvent> downEvents,
                                   List<Recommendation> history, int current, int desired, Instant now) {
        ResolvedRules up = BehaviorDefaults.scaleUp(spec.behavior().scaleUp());
        ResolvedRules down = BehaviorDefaults.scaleDown(spec.behavior().scaleDown(), config.downscaleStabilizationWindow());
        Stabilized s = BehaviorStabilizer.stabilize(history, current, desired,
                Duration.ofSeconds(up.stabilizationWindowSeconds()), Duration.ofSeconds(down.stabilizationWindowSeconds()), now);
        Limited limited = BehaviorRateLimiter.convert(new BehaviorRateLimiter.Request(current, s.replicas(),
                spec.effectiveMinReplicas(), spec.maxReplicas(), up, down, upEvents, downEvents,
                config.revision().periodStartCountsBothDirections()), now);
        return new Normalized(desired, s.replicas(), s.replicas() != desired ? s.reasonIfChanged() : READY, limited, s.history());
    }
}
