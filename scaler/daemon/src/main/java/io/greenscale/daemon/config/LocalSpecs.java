package io.greenscale.daemon.config;

import io.greenscale.policy.config.ConfigNode;
import io.greenscale.policy.config.Range;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Parses a target's {@code local:} section (see {@link LocalSpec} and docs/configuration.md). */
final class LocalSpecs {
    /** A worker is a JVM: about 100–150 MiB resident with the options the experiment gives it; 256 MiB leaves headroom. */
    static final long MIB_PER_WORKER = 256;
    /** Emulating workers sleep instead of computing, but each JVM's start costs about two core-seconds. */
    static final int WORKERS_PER_CORE = 4;

    private LocalSpecs() {}

    static LocalSpec parse(ConfigNode node, Environment env) {
        String name = node.string("name", "inference-app");
        if (!name.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
            node.problems().add(node.keyPath("name"), name, "must be lower-case letters, digits and '-' (it names the workers)");
        }
        List<String> command = node.strings("command", defaultCommand(env));
        if (command.isEmpty()) {
            node.problems().add(node.keyPath("command") + ": is required: GS_HOME is not set, so the launcher cannot be found"
                    + " (run through ./greenscale, or give the app's command, e.g. [/opt/greenscale/greenscale, app])");
        }
        List<String> args = node.strings("args", List.of());
        Map<String, String> vars = Connections.stringMap(node, "env");
        int bound = machineBound();
        int maxWorkers = node.integer("maxWorkers", bound, 1, 1024);
        int initial = node.integer("initialReplicas", 1, 0, maxWorkers);
        Duration coldStart = node.duration("coldStart", Duration.ofSeconds(60), Duration.ZERO, Duration.ofHours(1));
        Duration serviceMin = node.duration("serviceTimeMin", Duration.ofSeconds(1), Duration.ZERO, Duration.ofMinutes(10));
        double serviceScale = node.number("serviceTimeScale", 1, Range.closed(1, 1000));
        int concurrency = node.integer("concurrency", 1, 1, 1024);
        long cpuRequest = cpuMilli(node);
        Duration grace = node.duration("terminationGrace", Duration.ofSeconds(30), Duration.ZERO, Duration.ofHours(1));
        Duration resolution = node.duration("metricsResolution", Duration.ofSeconds(15), Duration.ofSeconds(1), Duration.ofMinutes(5));
        Path fileSd = path(node, "fileSd", null);
        Path eventLog = path(node, "eventLog", null);
        Path logDir = path(node, "logDir", Path.of(System.getProperty("java.io.tmpdir"), "greenscale-workers"));
        return new LocalSpec(name, command, args, vars, initial, maxWorkers, coldStart, serviceMin, serviceScale, concurrency,
                cpuRequest, grace, resolution, fileSd, eventLog, logDir);
    }

    /** {@code $GS_HOME/greenscale app}: the launcher finds the app's jar and a JDK. Empty when GS_HOME is unknown. */
    static List<String> defaultCommand(Environment env) {
        String home = env.get("GS_HOME");
        if (home == null || home.isBlank()) {
            home = System.getProperty("greenscale.home");
        }
        if (home == null || home.isBlank()) {
            return List.of();
        }
        return new ArrayList<>(List.of(Path.of(home, "greenscale").toString(), "app"));
    }

    /** How many workers this machine holds: {@value #WORKERS_PER_CORE} per core, and half the memory at {@value #MIB_PER_WORKER} MiB each. */
    static int machineBound() {
        int byCores = Runtime.getRuntime().availableProcessors() * WORKERS_PER_CORE;
        long totalMib = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getTotalMemorySize() >> 20;
        int byMemory = (int) Math.max(1, totalMib / 2 / MIB_PER_WORKER);
        return Math.max(1, Math.min(byCores, byMemory));
    }

    /** {@code cpuRequest: 250m}, {@code 0.25} or {@code "1"}: cores or millicores, as in a pod spec. */
    private static long cpuMilli(ConfigNode node) {
        Object raw = node.raw("cpuRequest");
        if (raw == null) {
            return 250;
        }
        String text = String.valueOf(raw).trim();
        try {
            double cores = text.endsWith("m") ? Double.parseDouble(text.substring(0, text.length() - 1)) / 1000 : Double.parseDouble(text);
            if (cores > 0 && cores <= 1024) {
                return Math.max(1, Math.round(cores * 1000));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        node.problems().add(node.keyPath("cpuRequest"), raw, "must be a CPU quantity in (0, 1024] cores, e.g. 250m or 0.25");
        return 250;
    }

    private static Path path(ConfigNode node, String key, Path defaultValue) {
        String text = node.string(key, null);
        return text == null || text.isBlank() ? defaultValue : Path.of(text);
    }
}
