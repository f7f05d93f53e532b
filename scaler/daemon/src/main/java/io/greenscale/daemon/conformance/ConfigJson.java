package io.greenscale.daemon.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenscale.policy.hpa.calc.PodGrouping;
import io.greenscale.policy.hpa.calc.Tolerances;
import io.greenscale.policy.hpa.spec.HpaConfig;
import io.greenscale.policy.hpa.spec.UpstreamRevision;
import io.greenscale.policy.hpa.spec.UpstreamRevision.ScaleFromZero;
import java.time.Duration;

/**
 * A vector's {@code config}. Absent keys take upstream's unit-test constants (tolerance 0.1, CPU
 * initialisation 120 s, readiness delay 10 s, downscale window 300 s, scale-up factor 8 and
 * minimum 4) and the baseline behaviour (upstream master 2026). Beyond the format's keys, each
 * release-dependent behaviour can be set: {@code partialFailureBlocksScaleDown},
 * {@code periodStartCountsBothDirections}, {@code missingPodsAtTargetAboveHundred},
 * {@code toleranceInterval}, {@code succeededPodsIgnored}.
 */
final class ConfigJson {
    private ConfigJson() {}

    static HpaConfig hpaConfig(JsonNode c) {
        HpaConfig base = HpaConfig.upstreamTest();
        double tolerance = Fields.get(c, "tolerance") != null && Fields.get(c, "tolerance").isObject()
                ? tolerances(c).scaleUp() : Fields.doubleOr(c, "config", "tolerance", base.tolerance());
        return new HpaConfig(
                seconds(c, "syncPeriodSec", base.syncPeriod()),
                tolerance,
                seconds(c, "cpuInitializationPeriodSec", base.cpuInitializationPeriod()),
                seconds(c, "initialReadinessDelaySec", base.initialReadinessDelay()),
                seconds(c, "downscaleStabilizationWindowSec", base.downscaleStabilizationWindow()),
                Fields.doubleOr(c, "config", "scaleUpLimitFactor", base.scaleUpLimitFactor()),
                Fields.doubleOr(c, "config", "scaleUpLimitMinimum", base.scaleUpLimitMinimum()),
                revision(c));
    }

    /** {@code tolerance: {scaleUp, scaleDown}} (replica kinds) or a single number for both. */
    static Tolerances tolerances(JsonNode c) {
        JsonNode t = Fields.get(c, "tolerance");
        boolean interval = Fields.boolOr(c, "config", "toleranceInterval", UpstreamRevision.LATEST.toleranceInterval());
        if (t == null) {
            return new Tolerances(0.1, 0.1, interval);
        }
        if (t.isNumber()) {
            return new Tolerances(t.asDouble(), t.asDouble(), interval);
        }
        if (!t.isObject()) {
            throw new VectorFormatException("config.tolerance", "must be a number or {scaleUp, scaleDown}, got " + t);
        }
        return new Tolerances(Fields.doubleOr(t, "config.tolerance", "scaleDown", 0.1),
                Fields.doubleOr(t, "config.tolerance", "scaleUp", 0.1), interval);
    }

    static PodGrouping.Settings grouping(JsonNode c) {
        HpaConfig config = hpaConfig(c);
        return new PodGrouping.Settings(config.cpuInitializationPeriod(), config.initialReadinessDelay(),
                config.revision().succeededPodsIgnored());
    }

    private static UpstreamRevision revision(JsonNode c) {
        UpstreamRevision base = UpstreamRevision.LATEST;
        String mode = Fields.textOr(c, "config", "scaleFromZeroMode", "scaledToZeroCondition");
        ScaleFromZero scaleFromZero = switch (mode) {
            case "legacy" -> ScaleFromZero.LEGACY;
            case "scaledToZeroCondition" -> ScaleFromZero.SCALED_TO_ZERO_CONDITION;
            default -> throw new VectorFormatException("config.scaleFromZeroMode", "must be \"legacy\" or \"scaledToZeroCondition\", got \"" + mode + "\"");
        };
        return new UpstreamRevision(
                Fields.boolOr(c, "config", "partialFailureBlocksScaleDown", base.partialFailureBlocksScaleDown()),
                Fields.boolOr(c, "config", "periodStartCountsBothDirections", base.periodStartCountsBothDirections()),
                Fields.boolOr(c, "config", "missingPodsAtTargetAboveHundred", base.missingPodsAtTargetAboveHundred()),
                Fields.boolOr(c, "config", "toleranceInterval", base.toleranceInterval()),
                Fields.boolOr(c, "config", "configurableToleranceGate", base.configurableToleranceGate()),
                Fields.boolOr(c, "config", "succeededPodsIgnored", base.succeededPodsIgnored()),
                scaleFromZero,
                Fields.boolOr(c, "config", "hpaScaleToZeroGate", base.hpaScaleToZeroGate()));
    }

    private static Duration seconds(JsonNode c, String name, Duration fallback) {
        JsonNode v = Fields.get(c, name);
        if (v == null) {
            return fallback;
        }
        if (!v.isNumber() || v.asDouble() < 0) {
            throw new VectorFormatException("config." + name, "must be a number of seconds >= 0, got " + v);
        }
        return Duration.ofNanos(Math.round(v.asDouble() * 1e9));
    }
}
