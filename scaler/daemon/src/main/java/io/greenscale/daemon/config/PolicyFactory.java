package io.greenscale.daemon.config;

import io.greenscale.policy.Policies;
import io.greenscale.policy.Policy;
import io.greenscale.policy.config.ConfigNode;

/** Builds a target's policy from its {@code policy:} section; records problems in the node, returns null when invalid. */
@FunctionalInterface
public interface PolicyFactory {

    Policy fromConfig(ConfigNode node);

    /** The policies of scaler/policy: {@code greenscale}, {@code hpa}, {@code keda}. */
    static PolicyFactory standard() {
        return Policies::fromConfig;
    }
}
