package io.greenscale.analysis.sim;

import io.greenscale.analysis.sim.ClusterModel.Dispatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The pods of one Deployment and the work they do: dispatch (a shared queue that free slots pull
 * from, or a load balancer that assigns each request to a ready pod), slot service, pod lifecycle
 * (pending → starting → ready → draining → gone), scale-up and busy-aware or default scale-down,
 * and killing pods whose grace period ran out (their work is interrupted: requeued from a work
 * queue, lost behind a load balancer).
 */
final class Cluster {
    /** What happens to requests, for the per-second and whole-run accounting. */
    interface Sink {
        void completed(long now, long arrivedAt);

        void dropped(long now);

        void interrupted(long now, int requests);
    }

    private static final int STEP_START = 0;
    private static final int STEP_READY = 1;
    private static final int STEP_KILL = 2;

    private final ClusterModel model;
    private final Sink sink;
    private final SplittableRandom rng;
    private final long schedulingNanos;
    private final long coldStartNanos;
    private final long graceNanos;
    private final long timeoutNanos;
    private final long baseNanos;

    final List<Pod> pods = new ArrayList<>();
    /** The shared work queue (QUEUE dispatch). */
    final RequestRing queue = new RequestRing();
    private final TimedHeap completions = new TimedHeap();
    private final TimedHeap lifecycle = new TimedHeap();
    /** Free slots of ready pods, FIFO as blocked BLMOVE clients are served: pod id << 16 | slot. */
    private final LongRing freeSlots = new LongRing();
    /** Ready pods in the load balancer's rotation. */
    private final List<Pod> rotation = new ArrayList<>();
    private int roundRobin;

    private long enqueued;
    private long completed;

    Cluster(ClusterModel model, Sink sink, long seed) {
        this.model = model;
        this.sink = sink;
        this.rng = new SplittableRandom(seed ^ 0xC1A57E5L);
        this.schedulingNanos = model.lifecycle().schedulingDelay().toNanos();
        this.coldStartNanos = model.lifecycle().coldStart().toNanos();
        this.graceNanos = model.lifecycle().terminationGrace().toNanos();
        this.timeoutNanos = model.limits().requestTimeout().toNanos();
        this.baseNanos = model.service().base().toNanos();
    }

    long enqueued() {
        return enqueued;
    }

    long completedCount() {
        return completed;
    }

    /** The next completion or lifecycle step, or Long.MAX_VALUE. */
    long nextEventTime() {
        return Math.min(completions.peekTime(), lifecycle.peekTime());
    }

    /** Handles every event due at or before {@code now}, completions first. */
    void advance(long now) {
        while (true) {
            long c = completions.peekTime();
            long l = lifecycle.peekTime();
            if (c <= now && c <= l) {
                completeNext();
            } else if (l <= now) {
                lifecycleNext();
            } else {
                return;
            }
        }
    }

    // ---- arrivals and service ------------------------------------------------------------

    void arrive(long now, long serviceNanos) {
        enqueued++;
        if (model.dispatch() == Dispatch.QUEUE) {
            queue.addLast(now, serviceNanos);
            fillFreeSlots(now);
            return;
        }
        if (rotation.isEmpty()) {
            sink.dropped(now); // no endpoints: the load balancer refuses the connection
            return;
        }
        Pod pod = model.dispatch() == Dispatch.ROUND_ROBIN
                ? rotation.get(roundRobin++ % rotation.size())
                : rotation.get(rng.nextInt(rotation.size()));
        int limit = model.limits().maxQueuePerReplica();
        if (limit > 0 && pod.queue.size() >= limit && pod.freeSlot() < 0) {
            sink.dropped(now);
            return;
        }
        pod.queue.addLast(now, serviceNanos);
        startFromOwnQueue(pod, now);
    }

    /** Work queue: free slots, oldest first, take the oldest jobs. */
    private void fillFreeSlots(long now) {
        while (!queue.isEmpty() && !freeSlots.isEmpty()) {
            long handle = freeSlots.removeFirst();
            Pod pod = pods.get((int) (handle >>> 16));
            int slot = (int) (handle & 0xFFFF);
            if (!pod.serving() || pod.slotCount[slot] != 0) {
                continue; // stale: the pod stopped serving since
            }
            if (!startSlot(pod, slot, queue, now)) {
                freeSlots.addFirst(handle); // everything left had timed out
            }
        }
    }

    private void startFromOwnQueue(Pod pod, long now) {
        while (!pod.queue.isEmpty()) {
            int slot = pod.freeSlot();
            if (slot < 0 || !startSlot(pod, slot, pod.queue, now)) {
                return;
            }
        }
    }

    /** Takes up to maxBatch requests from {@code from} into the slot; false when none was left to take. */
    private boolean startSlot(Pod pod, int slot, RequestRing from, long now) {
        int base = slot * pod.maxBatch;
        int n = 0;
        long batchNanos = 0;
        while (n < pod.maxBatch && !from.isEmpty()) {
            long arrived = from.headArrived();
            long service = from.headService();
            from.removeFirst();
            if (timeoutNanos > 0 && now - arrived > timeoutNanos) {
                sink.dropped(now); // the client gave up while it waited
                continue;
            }
            pod.slotArrived[base + n] = arrived;
            pod.slotService[base + n] = service;
            batchNanos += n == 0 ? service : Math.max(0, service - baseNanos); // a batch pays the base cost once
            n++;
        }
        if (n == 0) {
            return false;
        }
        pod.accrue(now);
        pod.slotCount[slot] = n;
        pod.busySlots++;
        pod.requestsInService += n;
        completions.push(now + batchNanos, pod.id, slot, pod.generation);
        return true;
    }

    private void completeNext() {
        long now = completions.peekTime();
        Pod pod = pods.get(completions.peekA());
        int slot = completions.peekB();
        int gen = completions.peekGen();
        completions.pop();
        if (gen != pod.generation || pod.slotCount[slot] == 0) {
            return; // the pod was killed: its work was already accounted for
        }
        int base = slot * pod.maxBatch;
        int n = pod.slotCount[slot];
        for (int k = 0; k < n; k++) {
            sink.completed(now, pod.slotArrived[base + k]);
        }
        completed += n;
        pod.accrue(now);
        pod.slotCount[slot] = 0;
        pod.busySlots--;
        pod.requestsInService -= n;
        if (pod.serving()) {
            if (model.dispatch() == Dispatch.QUEUE) {
                if (queue.isEmpty() || !startSlot(pod, slot, queue, now)) {
                    freeSlots.addLast(((long) pod.id << 16) | slot);
                }
            } else {
                startFromOwnQueue(pod, now);
            }
        } else if (pod.state == Pod.State.DRAINING) {
            if (model.dispatch() != Dispatch.QUEUE) {
                startFromOwnQueue(pod, now);
            }
            if (pod.workHeld() == 0) {
                gone(pod, now);
            }
        }
    }

    // ---- lifecycle ---------------------------------------------------------------------

    private void lifecycleNext() {
        long now = lifecycle.peekTime();
        Pod pod = pods.get(lifecycle.peekA());
        int step = lifecycle.peekB();
        int gen = lifecycle.peekGen();
        lifecycle.pop();
        if (gen != pod.generation) {
            return;
        }
        switch (step) {
            case STEP_START -> {
                if (pod.state != Pod.State.PENDING) {
                    return;
                }
                pod.state = Pod.State.STARTING;
                pod.startedAt = now;
                pod.lastUsageUpdate = now;
                double jitter = model.lifecycle().coldStartJitter();
                double factor = jitter == 0 ? 1 : 1 + jitter * (2 * rng.nextDouble() - 1);
                lifecycle.push(now + Math.round(coldStartNanos * factor), pod.id, STEP_READY, pod.generation);
            }
            case STEP_READY -> {
                if (pod.state != Pod.State.STARTING) {
                    return;
                }
                pod.state = Pod.State.READY;
                pod.readyAt = now;
                if (model.dispatch() == Dispatch.QUEUE) {
                    for (int s = 0; s < pod.slotCount.length; s++) {
                        freeSlots.addLast(((long) pod.id << 16) | s);
                    }
                    fillFreeSlots(now);
                } else {
                    rotation.add(pod);
                }
            }
            case STEP_KILL -> {
                if (pod.state == Pod.State.DRAINING) {
                    kill(pod, now);
                }
            }
            default -> throw new IllegalStateException("unknown lifecycle step " + step);
        }
    }

    /** Adds {@code n} pods that have long been ready: a run that starts in a steady state. */
    void addReadyPods(int n) {
        long longAgo = -24 * 3600 * 1_000_000_000L; // a day before the run: long past every initialisation period
        for (int i = 0; i < n; i++) {
            Pod pod = new Pod(pods.size(), longAgo, model.service().concurrency(), model.service().maxBatch());
            pod.state = Pod.State.READY;
            pod.startedAt = longAgo;
            pod.readyAt = longAgo;
            pod.lastUsageUpdate = 0;
            pods.add(pod);
            if (model.dispatch() == Dispatch.QUEUE) {
                for (int s = 0; s < pod.slotCount.length; s++) {
                    freeSlots.addLast(((long) pod.id << 16) | s);
                }
            } else {
                rotation.add(pod);
            }
        }
    }

    /** Pods that count towards the Deployment's replicas (not draining, not gone). */
    int specReplicas() {
        int n = 0;
        for (Pod p : pods) {
            if (p.state == Pod.State.PENDING || p.state == Pod.State.STARTING || p.state == Pod.State.READY) {
                n++;
            }
        }
        return n;
    }

    /**
     * Sets the Deployment's replicas. Scaling down removes not-ready pods first (newest first), then
     * ready ones: the least busy first when {@code busyAware} (pod-deletion cost = work held), else the
     * most recently ready first (the ReplicaSet's default ranking). Ready victims drain.
     */
    void setReplicas(long now, int desired, boolean busyAware) {
        List<Pod> active = new ArrayList<>();
        for (Pod p : pods) {
            if (p.state == Pod.State.PENDING || p.state == Pod.State.STARTING || p.state == Pod.State.READY) {
                active.add(p);
            }
        }
        int delta = desired - active.size();
        for (int i = 0; i < delta; i++) {
            Pod pod = new Pod(pods.size(), now, model.service().concurrency(), model.service().maxBatch());
            pods.add(pod);
            lifecycle.push(now + schedulingNanos, pod.id, STEP_START, pod.generation);
        }
        if (delta >= 0) {
            return;
        }
        Comparator<Pod> ranking = Comparator.comparingInt((Pod p) -> p.state == Pod.State.PENDING ? 0 : p.state == Pod.State.STARTING ? 1 : 2);
        ranking = busyAware
                ? ranking.thenComparingInt(Pod::workHeld).thenComparing(Comparator.comparingLong((Pod p) -> p.readyAt).reversed())
                : ranking.thenComparing(Comparator.comparingLong((Pod p) -> p.readyAt).reversed());
        active.sort(ranking.thenComparing(Comparator.comparingInt((Pod p) -> p.id).reversed()));
        for (int i = 0; i < -delta; i++) {
            remove(active.get(i), now);
        }
    }

    private void remove(Pod pod, long now) {
        if (pod.state != Pod.State.READY) {
            gone(pod, now);
            return;
        }
        rotation.remove(pod);
        pod.state = Pod.State.DRAINING;
        if (pod.workHeld() == 0) {
            gone(pod, now);
            return;
        }
        lifecycle.push(now + graceNanos, pod.id, STEP_KILL, pod.generation);
    }

    /** The grace period ran out: work in the pod is interrupted. */
    private void kill(Pod pod, long now) {
        int interrupted = pod.requestsInService + pod.queue.size();
        if (model.dispatch() == Dispatch.QUEUE) {
            // At-least-once: another worker reclaims the dead worker's processing list, oldest first.
            for (int s = pod.slotCount.length - 1; s >= 0; s--) {
                int base = s * pod.maxBatch;
                for (int k = pod.slotCount[s] - 1; k >= 0; k--) {
                    queue.addFirst(pod.slotArrived[base + k], pod.slotService[base + k]);
                }
            }
        }
        pod.queue.clear();
        gone(pod, now);
        if (interrupted > 0) {
            sink.interrupted(now, interrupted);
        }
        if (model.dispatch() == Dispatch.QUEUE) {
            fillFreeSlots(now);
        }
    }

    private void gone(Pod pod, long now) {
        pod.accrue(now);
        rotation.remove(pod);
        pod.state = Pod.State.GONE;
        pod.generation++;
        java.util.Arrays.fill(pod.slotCount, 0);
        pod.busySlots = 0;
        pod.requestsInService = 0;
    }

    /** Abandons waiting requests whose clients gave up (oldest first, so only the head needs looking at). */
    void expireWaiting(long now) {
        if (timeoutNanos <= 0) {
            return;
        }
        while (!queue.isEmpty() && now - queue.headArrived() > timeoutNanos) {
            queue.removeFirst();
            sink.dropped(now);
        }
        for (Pod p : rotation) {
            while (!p.queue.isEmpty() && now - p.queue.headArrived() > timeoutNanos) {
                p.queue.removeFirst();
                sink.dropped(now);
            }
        }
    }

    /** Requests waiting: the work queue, or the pods' own queues. */
    long backlog() {
        if (model.dispatch() == Dispatch.QUEUE) {
            return queue.size();
        }
        long n = 0;
        for (Pod p : pods) {
            if (p.exists()) {
                n += p.queue.size();
            }
        }
        return n;
    }

    long inFlight() {
        long n = 0;
        for (Pod p : pods) {
            n += p.requestsInService;
        }
        return n;
    }

    /** A FIFO of long handles. */
    private static final class LongRing {
        private long[] items = new long[64];
        private int head;
        private int size;

        boolean isEmpty() {
            return size == 0;
        }

        void addLast(long v) {
            grow();
            items[(head + size++) & (items.length - 1)] = v;
        }

        void addFirst(long v) {
            grow();
            head = (head - 1) & (items.length - 1);
            items[head] = v;
            size++;
        }

        long removeFirst() {
            long v = items[head];
            head = (head + 1) & (items.length - 1);
            size--;
            return v;
        }

        private void grow() {
            if (size < items.length) {
                return;
            }
            long[] n = new long[items.length * 2];
            for (int k = 0; k < size; k++) {
                n[k] = items[(head + k) & (items.length - 1)];
            }
            items = n;
            head = 0;
        }
    }
}
