package io.greenscale.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much CPU the rest of the machine used while a measurement ran, from /proc/stat (all CPUs'
 * busy time) minus this process's CPU time. On a shared machine a repetition during which others
 * used more than a small share of a CPU is not a clean measurement of this code.
 */
final class MachineLoad {
    private static final double NANOS_PER_JIFFY = 1e7; // USER_HZ = 100 on Linux

    private final long busyJiffies;
    private final long processNanos;
    private final long wallNanos;

    private MachineLoad(long busyJiffies, long processNanos, long wallNanos) {
        this.busyJiffies = busyJiffies;
        this.processNanos = processNanos;
        this.wallNanos = wallNanos;
    }

    static MachineLoad now() {
        return new MachineLoad(busyJiffies(), processCpuNanos(), System.nanoTime());
    }

    /** CPUs' worth of time others used since {@code start}; NaN where /proc/stat cannot be read. */
    double othersSince(MachineLoad start) {
        if (busyJiffies < 0 || start.busyJiffies < 0) {
            return Double.NaN;
        }
        double allNanos = (busyJiffies - start.busyJiffies) * NANOS_PER_JIFFY;
        double mine = processNanos - start.processNanos;
        return Math.max(0, allNanos - mine) / (wallNanos - start.wallNanos);
    }

    private static long busyJiffies() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...: busy = all but idle and iowait
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long processCpuNanos() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
    }
}
