package io.greenscale.analysis.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How many worker processes this machine can hold, and why. Each worker is a JVM (about 100–150 MiB
 * resident with the options the experiment gives it, 256 MiB budgeted) that sleeps instead of
 * computing, but costs about two core-seconds to start; the scaler, the load generator, Redis and
 * Prometheus need {@value #RESERVED_MIB} MiB beside them.
 *
 * @param cores        processors this JVM may use
 * @param availableMib memory the kernel says is available without swapping ({@code MemAvailable})
 * @param maxWorkers   the bound: {@value #WORKERS_PER_CORE} per core, and what fits in the available memory
 */
public record MachineBounds(int cores, long availableMib, int maxWorkers) {
    static final int WORKERS_PER_CORE = 4;
    static final long MIB_PER_WORKER = 256;
    static final long RESERVED_MIB = 1024;

    public static MachineBounds detect() {
        return of(Runtime.getRuntime().availableProcessors(), memAvailableMib());
    }

    static MachineBounds of(int cores, long availableMib) {
        int byCores = cores * WORKERS_PER_CORE;
        int byMemory = (int) Math.max(0, (availableMib - RESERVED_MIB) / MIB_PER_WORKER);
        return new MachineBounds(cores, availableMib, Math.max(1, Math.min(byCores, byMemory)));
    }

    /** One line for the start of a run. */
    public String describe() {
        return String.format(Locale.ROOT, "this machine holds at most %d workers (%d cores × %d; %.1f GiB available at %d MiB each beside %d MiB"
                + " for the scaler, load generator, Redis and Prometheus)", maxWorkers, cores, WORKERS_PER_CORE, availableMib / 1024.0,
                MIB_PER_WORKER, RESERVED_MIB);
    }

    /** Why {@code maxReplicas} is refused, or null when the machine holds it. */
    public String refusal(int maxReplicas) {
        if (maxReplicas <= maxWorkers) {
            return null;
        }
        return "--max " + maxReplicas + ": more workers than " + describe() + "; each worker is a JVM that needs its memory and"
                + " a share of the CPU to start, so choose --max " + maxWorkers + " or less";
    }

    /** {@code MemAvailable} from /proc/meminfo; where there is none, the JVM's view of free memory. */
    private static long memAvailableMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: fall through
        }
        var os = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);
        return os.getFreeMemorySize() >> 20;
    }
}
