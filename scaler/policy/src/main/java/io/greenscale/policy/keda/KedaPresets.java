package io.greenscale.policy.keda;

import io.greenscale.policy.hpa.spec.HpaConfig;
import java.time.Duration;
import java.util.List;

/** The KEDA setups the simulator and the reports compare against. */
public final class KedaPresets {
    /** The backlog's name: the extra metric, or the {@code queue} signal ({@code QUEUE_BACKLOG}). */
    public static final String QUEUE = "queue";

    private KedaPresets() {}

    /**
     * {@code keda-queue}: the redis list scaler on the queue backlog — {@code listLength} jobs per
     * replica, activation above 0 jobs, polling every 30 s, cooldown 300 s, KEDA's defaults; the
     * HPA underneath runs with production constants and no behavior.
     */
    public static KedaPolicy queue(int minReplicaCount, int maxReplicaCount, long listLength) {
        KedaSpec spec = new KedaSpec(Duration.ofSeconds(30), Duration.ofSeconds(300), Duration.ZERO,
                minReplicaCount, maxReplicaCount, null, null, List.of(KedaTrigger.redisList(0, QUEUE, listLength, 0)));
        return new KedaPolicy("keda-queue", spec, HpaConfig.production());
    }
}
