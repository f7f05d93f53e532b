package io.greenscale.loadgen.record;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code run.json}: what ran. A map underneath, so each producer can add what it knows; the
 * common keys have setters so their names stay the same everywhere (see docs/run-directory.md).
 *
 * <pre>{@code
 * RunInfo info = RunInfo.of(RunInfo.Kind.SIMULATION, startedAt)
 *         .seed(7).workload(profile.spec()).backend(Map.of(...)).policy(Map.of("name", "greenscale"))
 *         .sloP95Millis(500).durationSeconds(600);
 * }</pre>
 */
public final class RunInfo {
    public static final String SCHEMA = "greenscale-run/1";

    /** Which part produced the run directory. */
    public enum Kind { LOADGEN, SIMULATION, EXPERIMENT, SHADOW }

    private final Map<String, Object> values = new LinkedHashMap<>();

    private RunInfo() {}

    public static RunInfo of(Kind kind, Instant startedAt) {
        RunInfo info = new RunInfo();
        info.values.put("schema", SCHEMA);
        info.values.put("kind", kind.name().toLowerCase(Locale.ROOT));
        info.values.put("started_at", startedAt.toString());
        info.values.put("versions", Versions.current());
        return info;
    }

    public RunInfo durationSeconds(double seconds) {
        return put("duration_s", seconds);
    }

    public RunInfo duration(Duration d) {
        return durationSeconds(d.toNanos() / 1e9);
    }

    public RunInfo endedAt(Instant at) {
        return put("ended_at", at.toString());
    }

    public RunInfo seed(long seed) {
        return put("seed", seed);
    }

    /** The workload, typically {@code Profile.spec()} plus arrival process and scales. */
    public RunInfo workload(Map<String, ?> workload) {
        return put("workload", workload);
    }

    /** What the load generator drove (URL, method, connections, ...). */
    public RunInfo target(Map<String, ?> target) {
        return put("target", target);
    }

    /** What served the load: a simulated cluster's model, or the real app's engine. */
    public RunInfo backend(Map<String, ?> backend) {
        return put("backend", backend);
    }

    public RunInfo policy(Map<String, ?> policy) {
        return put("policy", policy);
    }

    public RunInfo sloP95Millis(double p95Millis) {
        return put("slo", Map.of("p95_ms", p95Millis));
    }

    public RunInfo closedLoop(boolean closedLoop) {
        return put("closed_loop", closedLoop);
    }

    /** Any other key; a value of null removes it. */
    public RunInfo put(String key, Object value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
        return this;
    }

    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }
}
