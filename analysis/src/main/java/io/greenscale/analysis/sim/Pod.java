package io.greenscale.analysis.sim;

/**
 * One replica's pod: lifecycle state, its slots and what is in them, its own queue (load-balanced
 * dispatch), and the usage integrals the metrics pipeline samples. Mutable; owned by the cluster.
 */
final class Pod {
    enum State { PENDING, STARTING, READY, DRAINING, GONE }

    /** A time that has not happened (yet): startedAt of a pending pod, readyAt of a starting one. */
    static final long UNSET = Long.MIN_VALUE;

    final int id;
    final String name;
    final long createdAt;
    State state = State.PENDING;
    long startedAt = UNSET;
    long readyAt = UNSET;
    /** Generation of lifecycle and completion events; bumped when the pod is killed so stale ones are skipped. */
    int generation;

    // Slots: each holds up to maxBatch requests (arrival and service time), served together.
    final int[] slotCount;
    final long[] slotArrived;
    final long[] slotService;
    final int maxBatch;
    int busySlots;
    int requestsInService;

    /** Load-balanced dispatch: requests assigned to this pod and waiting for a slot. */
    final RequestRing queue = new RequestRing();

    // Usage integrals since the last sample, in slot·ns and ns.
    long busySlotNanos;
    long anyBusyNanos;
    long lastUsageUpdate;

    // The metrics pipeline's view of this pod.
    double cpuSampleCores = Double.NaN;
    long cpuSampleAt = -1;
    double dutyLastSecond;
    double gpuScraped = Double.NaN;
    long gpuScrapedAt = -1;
    long cpuWindowBusySlotNanos;
    long cpuWindowStartupNanos;

    Pod(int id, long createdAt, int concurrency, int maxBatch) {
        this.id = id;
        this.name = "pod-" + id;
        this.createdAt = createdAt;
        this.maxBatch = maxBatch;
        this.slotCount = new int[concurrency];
        this.slotArrived = new long[concurrency * maxBatch];
        this.slotService = new long[concurrency * maxBatch];
        this.lastUsageUpdate = createdAt;
    }

    boolean serving() {
        return state == State.READY;
    }

    /** Holds a GPU (billed): from creation until it is gone. */
    boolean exists() {
        return state != State.GONE;
    }

    boolean containerRunning() {
        return state == State.STARTING || state == State.READY || state == State.DRAINING;
    }

    int freeSlot() {
        for (int s = 0; s < slotCount.length; s++) {
            if (slotCount[s] == 0) {
                return s;
            }
        }
        return -1;
    }

    /** Work this pod holds: requests in service plus its own queue (its pod-deletion cost). */
    int workHeld() {
        return requestsInService + queue.size();
    }

    /** Brings the usage integrals up to {@code now} before the number of busy slots changes. */
    void accrue(long now) {
        long dt = now - lastUsageUpdate;
        if (dt > 0) {
            busySlotNanos += dt * busySlots;
            if (busySlots > 0) {
                anyBusyNanos += dt;
            }
            lastUsageUpdate = now;
        }
    }
}
