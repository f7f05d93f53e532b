package io.greenscale.daemon.config;

import java.util.Locale;

/** What the daemon does with a target's decisions. */
public enum Mode {
    /** Decide and write the replica count. */
    ACTIVE,
    /** Decide and log only. */
    DRY_RUN,
    /** Decide and log beside a live HPA, recording the HPA's own choice next to each decision. */
    SHADOW;

    /** The name used in configuration and in the decision log: {@code active}, {@code dry-run}, {@code shadow}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
