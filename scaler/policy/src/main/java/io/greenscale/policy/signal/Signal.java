package io.greenscale.policy.signal;

/**
 * The signals a policy can read, each with its unit. Rates are per second, utilisations are
 * fractions in [0, 1] (CPU may exceed 1 when a pod uses more than its request), latency is in
 * seconds, replica counts are pods.
 */
public enum Signal {
    /** Jobs waiting in the queue (e.g. Redis LLEN), not yet picked up by a worker. */
    QUEUE_BACKLOG("queue"),
    /** Jobs or requests being worked on right now, summed over all replicas. */
    IN_FLIGHT("in_flight"),
    /** Jobs or requests arriving per second. */
    ARRIVAL_RATE("arrival_rate"),
    /** Jobs or requests completed per second. */
    COMPLETION_RATE("completion_rate"),
    /** Average CPU usage of the ready pods as a fraction of their CPU request. */
    CPU("cpu"),
    /** Average GPU duty cycle of the ready pods (DCGM_FI_DEV_GPU_UTIL / 100). */
    GPU("gpu"),
    /** 95th-percentile request latency in seconds. */
    P95_LATENCY("p95"),
    /** Pods of the target that are ready. */
    READY_REPLICAS("ready"),
    /** Pods of the target that exist but are not ready yet (scheduling, pulling, loading). */
    STARTING_REPLICAS("starting");

    private final String key;

    Signal(String key) {
        this.key = key;
    }

    /** The short name used in configuration, CSV columns, logs and metric labels. */
    public String key() {
        return key;
    }
}
