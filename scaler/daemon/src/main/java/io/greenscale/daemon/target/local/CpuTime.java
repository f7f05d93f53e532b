package io.greenscale.daemon.target.local;

import java.time.Duration;

/** A process's cumulative CPU time (user + system, all threads), or null when it cannot be read. */
@FunctionalInterface
interface CpuTime {

    Duration of(ProcessHandle process);

    /** From the OS: on Linux, utime + stime of {@code /proc/<pid>/stat}, what the kubelet's cAdvisor reads per container. */
    static CpuTime system() {
        return process -> process.info().totalCpuDuration().orElse(null);
    }
}
