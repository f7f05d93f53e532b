package io.greenscale.policy.hpa;

import io.greenscale.policy.config.ConfigNode;
import io.greenscale.policy.config.Range;
import io.greenscale.policy.hpa.spec.HpaConfig;
import io.greenscale.policy.hpa.spec.UpstreamRevision;
import io.greenscale.policy.hpa.spec.UpstreamRevision.ScaleFromZero;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code controller:} section: the kube-controller-manager flags and the upstream release whose
 * behaviour to reproduce.
 *
 * <pre>{@code
 * controller:
 *   preset: production            # or upstream-test (the constants of upstream's unit tests)
 *   kubernetesVersion: latest     # or 1.30: selects the behaviours of that release (hpa-spec §12)
 *   syncPeriod: 15s
 *   tolerance: 0.1
 *   cpuInitializationPeriod: 5m
 *   initialReadinessDelay: 30s
 *   downscaleStabilizationWindow: 5m
 *   scaleUpLimitFactor: 2.0
 *   scaleUpLimitMinimum: 4
 *   hpaScaleToZero: false         # feature gate HPAScaleToZero
 * }</pre>
 */
public final class HpaConfigParser {
    private static final Pattern RELEASE = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.\\d+)?");

    private HpaConfigParser() {}

    enum Preset { PRODUCTION, UPSTREAM_TEST }

    public static HpaConfig parse(ConfigNode node) {
        HpaConfig base = node.choice("preset", Preset.PRODUCTION, Preset.class) == Preset.UPSTREAM_TEST
                ? HpaConfig.upstreamTest() : HpaConfig.production();
        Duration day = Duration.ofDays(1);
        return new HpaConfig(
                node.duration("syncPeriod", base.syncPeriod(), Duration.ofSeconds(1), day),
                node.number("tolerance", base.tolerance(), Range.closed(0, 10)),
                node.duration("cpuInitializationPeriod", base.cpuInitializationPeriod(), Duration.ZERO, day),
                node.duration("initialReadinessDelay", base.initialReadinessDelay(), Duration.ZERO, day),
                node.duration("downscaleStabilizationWindow", base.downscaleStabilizationWindow(), Duration.ZERO, Duration.ofHours(1)),
                node.number("scaleUpLimitFactor", base.scaleUpLimitFactor(), Range.atLeast(1)),
                node.number("scaleUpLimitMinimum", base.scaleUpLimitMinimum(), Range.atLeast(1)),
                revision(node));
    }

    private static UpstreamRevision revision(ConfigNode node) {
        UpstreamRevision r = release(node);
        return new UpstreamRevision(
                node.bool("partialFailureBlocksScaleDown", r.partialFailureBlocksScaleDown()),
                node.bool("periodStartCountsBothDirections", r.periodStartCountsBothDirections()),
                node.bool("missingPodsAtTargetAboveHundred", r.missingPodsAtTargetAboveHundred()),
                node.bool("toleranceInterval", r.toleranceInterval()),
                node.bool("configurableTolerance", r.configurableToleranceGate()),
                node.bool("succeededPodsIgnored", r.succeededPodsIgnored()),
                node.choice("scaleFromZero", r.scaleFromZero(), ScaleFromZero.class),
                node.bool("hpaScaleToZero", r.hpaScaleToZeroGate()));
    }

    private static UpstreamRevision release(ConfigNode node) {
        String version = node.string("kubernetesVersion", "latest").trim();
        if (version.equalsIgnoreCase("latest") || version.equalsIgnoreCase("master")) {
            return UpstreamRevision.LATEST;
        }
        Matcher m = RELEASE.matcher(version);
        if (!m.matches()) {
            node.problems().add(node.keyPath("kubernetesVersion"), version, "must be a Kubernetes release such as 1.30, or latest");
            return UpstreamRevision.LATEST;
        }
        return UpstreamRevision.forRelease(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
}
