package io.greenscale.policy.hpa;

import io.greenscale.policy.config.ConfigNode;
import io.greenscale.policy.hpa.spec.HpaConfig;
import io.greenscale.policy.hpa.spec.HpaSpec;

/**
 * A {@code type: hpa} policy section: an HPA spec as the API writes it plus the controller-manager
 * constants.
 *
 * <pre>{@code
 * policy:
 *   type: hpa
 *   name: hpa-cpu70            # optional; shown in logs and reports
 *   minReplicas: 1
 *   maxReplicas: 10
 *   metrics:
 *     - type: Resource
 *       resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
 *   behavior: {...}            # optional; absent → legacy normalisation
 *   controller: {...}          # optional; see HpaConfigParser
 * }</pre>
 */
public final class HpaPolicyParser {
    private HpaPolicyParser() {}

    /** The policy, or null when a problem was recorded in the node's problems. */
    public static HpaPolicy parse(ConfigNode node) {
        String name = node.string("name", "hpa");
        HpaConfig config = HpaConfigParser.parse(node.child("controller"));
        HpaSpec spec = HpaSpecParser.parse(node, config.revision().hpaScaleToZeroGate());
        return spec == null ? null : new HpaPolicy(name, spec, config);
    }
}
