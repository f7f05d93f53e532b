package io.greenscale.daemon.target;

/**
 * What a target looks like at the start of a tick.
 *
 * @param specReplicas    the replica count it is set to (the scale's {@code spec.replicas})
 * @param statusReplicas  the replicas that exist (the scale's {@code status.replicas})
 * @param selector        the label selector of its pods, null when the kind publishes none
 * @param version         the resourceVersion read, so a write can detect a concurrent change
 * @param paused          the workload carries {@code greenscale.io/paused: "true"}
 * @param hpa             an HPA that targets the same workload, null when none (or not looked for)
 */
public record Observation(int specReplicas, int statusReplicas, String selector, String version, boolean paused, ForeignHpa hpa) {

    /** The pause annotation: while it is "true" on the workload the daemon writes nothing to it. */
    public static final String PAUSED_ANNOTATION = "greenscale.io/paused";

    /**
     * A HorizontalPodAutoscaler pointing at the same workload.
     *
     * @param desiredReplicas its {@code status.desiredReplicas}: what the HPA chose at its last sync; null before its first
     */
    public record ForeignHpa(String name, Integer desiredReplicas) {
    }
}
