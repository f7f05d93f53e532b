package io.greenscale.daemon.target.local;

import java.time.Instant;

/** One worker process and what the target knows of it. Mutable; guarded by the target's lock. */
final class Worker {
    final String id;
    final long ordinal;
    final int port;
    final Process process;
    final Instant spawnedAt;
    final UsageWindow usage = new UsageWindow();
    Instant readySince;
    Instant terminatingAt;
    boolean killed;
    int deletionCost;

    Worker(String id, long ordinal, int port, Process process, Instant spawnedAt) {
        this.id = id;
        this.ordinal = ordinal;
        this.port = port;
        this.process = process;
        this.spawnedAt = spawnedAt;
    }

    WorkerView view() {
        return new WorkerView(id, ordinal, process.pid(), port, spawnedAt, readySince, terminatingAt, deletionCost);
    }

    boolean terminating() {
        return terminatingAt != null;
    }

    /** SIGTERM to the process and anything it started (a launcher script that did not exec). */
    void terminate() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    /** SIGKILL to the process and its descendants. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        killed = true;
    }
}
