package io.greenscale.daemon.target.local;

import java.time.Instant;

/**
 * One worker process as the scale-down ranking and the pod view see it.
 *
 * @param ordinal       creation order: a higher one was started later
 * @param readySince    when it last became ready; null while it is not ready
 * @param terminatingAt when it was sent SIGTERM; null while it is not being stopped
 * @param deletionCost  its {@code controller.kubernetes.io/pod-deletion-cost}: the jobs it held at the last busy-aware scale-down
 */
record WorkerView(String id, long ordinal, long pid, int port, Instant spawnedAt, Instant readySince, Instant terminatingAt,
                  int deletionCost) {

    boolean ready() {
        return readySince != null && terminatingAt == null;
    }

    boolean terminating() {
        return terminatingAt != null;
    }
}
