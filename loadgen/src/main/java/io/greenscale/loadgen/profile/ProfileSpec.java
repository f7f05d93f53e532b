package io.greenscale.loadgen.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.greenscale.policy.config.ConfigException;
import io.greenscale.policy.config.ConfigNode;
import io.greenscale.policy.config.ConfigProblems;
import io.greenscale.policy.config.Range;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds profiles from YAML (or JSON) maps and files, validating every key: a bad value fails
 * with its full key path, the value and what is allowed ({@code workload.segments[1].to = -5: must
 * be in [0, ∞)}), and all problems of a file are reported together.
 *
 * <pre>{@code
 * profile: chain                # constant | step | ramp | burst | sine | diurnal | spike | chain | trace
 * segments:
 *   - {profile: constant, rate: 50, duration: 2m}
 *   - {profile: ramp, from: 50, to: 400, duration: 5m}
 *   - {profile: trace, file: traces/day.csv, time_scale: 0.01}   # relative to this file
 * rate_scale: 1.0               # any profile may be scaled (see Profile#scaled)
 * }</pre>
 * {@code docs/loadgen.md} lists each profile's keys.
 */
public final class ProfileSpec {
    private static final Range RATE = Range.atLeast(0);
    private static final Range SCALE = Range.above(0);
    private static final Duration NANO = Duration.ofNanos(1);

    enum Kind { CONSTANT, STEP, RAMP, BURST, SINE, DIURNAL, SPIKE, CHAIN, TRACE }

    private ProfileSpec() {}

    /**
     * A profile from a parsed map.
     *
     * @param path    the key prefix shown in messages, e.g. {@code "workload"}; may be empty
     * @param baseDir where relative trace paths are resolved
     * @throws ConfigException listing every problem
     */
    public static Profile read(Map<String, ?> map, String path, Path baseDir) {
        ConfigProblems problems = new ConfigProblems();
        ConfigNode node = ConfigNode.root(map, path, problems);
        Profile profile = profile(node, baseDir);
        node.finish();
        problems.throwIfAny();
        return profile;
    }

    /** A profile from a YAML/JSON file, or a trace from a CSV/text file. */
    public static Profile readFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))) {
            return TraceReader.read(file);
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(List.of("profile file " + file + ": no such file"));
        }
        Object tree;
        try {
            tree = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Object.class);
        } catch (IOException e) {
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
                throw new ConfigException(List.of("profile file " + file + ": not valid YAML: " + j.getOriginalMessage()
                        + (j.getLocation() == null ? "" : " (line " + j.getLocation().getLineNr() + ")")));
            }
            throw new UncheckedIOException("cannot read profile file " + file, e);
        }
        if (!(tree instanceof Map<?, ?> map)) {
            throw new ConfigException(List.of("profile file " + file + ": must be a map with a 'profile' key, e.g. "
                    + "{profile: constant, rate: 100, duration: 60s}"));
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> typed = (Map<String, ?>) map;
        Path dir = file.toAbsolutePath().getParent();
        return read(typed, "", dir);
    }

    private static Profile profile(ConfigNode n, Path baseDir) {
        if (!n.has("profile")) {
            n.problems().add(n.keyPath("profile") + ": is required (one of "
                    + "constant, step, ramp, burst, sine, diurnal, spike, chain, trace)");
            return null;
        }
        Kind kind = n.choice("profile", null, Kind.class);
        Profile p = kind == null ? null : switch (kind) {
            case CONSTANT -> constant(n);
            case STEP -> step(n);
            case RAMP -> ramp(n);
            case BURST -> burst(n);
            case SINE -> sine(n);
            case DIURNAL -> diurnal(n);
            case SPIKE -> spike(n);
            case CHAIN -> chain(n, baseDir);
            case TRACE -> trace(n, baseDir);
        };
        double rateScale = n.number("rate_scale", 1, SCALE);
        double timeScale = n.number("time_scale", 1, SCALE);
        return p == null ? null : p.scaled(rateScale, timeScale);
    }

    private static Profile constant(ConfigNode n) {
        double rate = rate(n, "rate");
        Duration duration = duration(n, "duration");
        return valid(n) ? new ConstantProfile(rate, duration) : null;
    }

    private static Profile ramp(ConfigNode n) {
        double from = rate(n, "from");
        double to = rate(n, "to");
        Duration duration = duration(n, "duration");
        return valid(n) ? new RampProfile(from, to, duration) : null;
    }

    private static Profile step(ConfigNode n) {
        if (n.has("steps")) {
            List<StepProfile.Step> steps = new ArrayList<>();
            for (ConfigNode s : n.list("steps")) {
                steps.add(new StepProfile.Step(rate(s, "rate"), duration(s, "hold")));
            }
            if (steps.isEmpty()) {
                n.problems().add(n.keyPath("steps"), n.raw("steps"), "must list at least one {rate, hold}");
            }
            return valid(n) ? new StepProfile(steps) : null;
        }
        if (n.has("levels")) {
            Duration hold = duration(n, "hold");
            List<StepProfile.Step> steps = new ArrayList<>();
            Object raw = n.raw("levels");
            if (raw instanceof List<?> levels && !levels.isEmpty()) {
                for (int i = 0; i < levels.size(); i++) {
                    Object v = levels.get(i);
                    if (v instanceof Number num && num.doubleValue() >= 0 && Double.isFinite(num.doubleValue())) {
                        steps.add(new StepProfile.Step(num.doubleValue(), hold == null ? Duration.ofSeconds(1) : hold));
                    } else {
                        n.problems().add(n.keyPath("levels") + "[" + i + "]", v, "must be in " + RATE);
                    }
                }
            } else {
                n.problems().add(n.keyPath("levels"), raw, "must be a list of rates, e.g. [50, 200, 100]");
            }
            return valid(n) ? new StepProfile(steps) : null;
        }
        double from = rate(n, "from");
        double to = rate(n, "to");
        Duration at = duration(n, "at");
        Duration duration = duration(n, "duration");
        if (at != null && duration != null && at.compareTo(duration) >= 0) {
            n.problems().add(n.keyPath("at"), n.raw("at"), "must be before duration (" + Seconds.format(duration) + ")");
        }
        return valid(n) ? StepProfile.of(from, to, at, duration) : null;
    }

    private static Profile burst(ConfigNode n) {
        double low = rate(n, "low");
        double high = rate(n, "high");
        Duration lowFor = duration(n, "low_for");
        Duration highFor = duration(n, "high_for");
        Duration duration = duration(n, "duration");
        return valid(n) ? new BurstProfile(low, high, lowFor, highFor, duration) : null;
    }

    private static Profile sine(ConfigNode n) {
        double mean = rate(n, "mean");
        double amplitude = n.has("amplitude") ? n.number("amplitude", 0, Range.closed(0, Math.max(mean, 0))) : required(n, "amplitude");
        Duration period = duration(n, "period");
        Duration phase = n.duration("phase", Duration.ZERO, Duration.ZERO, null);
        Duration duration = duration(n, "duration");
        return valid(n) ? new SineProfile(mean, amplitude, period, phase, duration) : null;
    }

    private static Profile diurnal(ConfigNode n) {
        double min = rate(n, "min");
        double max = n.has("max") ? n.number("max", 0, Range.atLeast(Math.max(min, 0))) : required(n, "max");
        Duration period = n.duration("period", Duration.ofHours(24), NANO, null);
        // Default peak: 14:00 of a 24 h day, i.e. 14/24 into whatever the period is.
        Duration peakAt = n.duration("peak_at", period.multipliedBy(14).dividedBy(24), Duration.ZERO, period);
        Duration duration = n.duration("duration", period, NANO, null);
        return valid(n) ? SineProfile.diurnal(min, max, period, peakAt, duration) : null;
    }

    private static Profile spike(ConfigNode n) {
        double base = rate(n, "base");
        double peak = rate(n, "peak");
        Duration at = n.has("at") ? n.duration("at", Duration.ZERO, Duration.ZERO, null) : null;
        if (at == null) {
            required(n, "at");
        }
        Duration width = duration(n, "width");
        Duration duration = duration(n, "duration");
        if (at != null && duration != null && at.compareTo(duration) >= 0) {
            n.problems().add(n.keyPath("at"), n.raw("at"), "must be before duration (" + Seconds.format(duration) + ")");
        }
        return valid(n) ? new SpikeProfile(base, peak, at, width, duration) : null;
    }

    private static Profile chain(ConfigNode n, Path baseDir) {
        List<Profile> segments = new ArrayList<>();
        for (ConfigNode s : n.list("segments")) {
            segments.add(profile(s, baseDir));
        }
        if (segments.isEmpty()) {
            n.problems().add(n.keyPath("segments") + ": must list at least one profile");
        }
        return valid(n) && !segments.contains(null) ? new ChainProfile(segments) : null;
    }

    private static Profile trace(ConfigNode n, Path baseDir) {
        String file = n.requiredString("file");
        String format = n.string("format", null);
        // Informational keys written by Trace#spec; the file is the truth.
        n.raw("requests");
        n.raw("buckets");
        n.raw("columns");
        if (file.isEmpty()) {
            return null;
        }
        Path path = baseDir == null ? Path.of(file) : baseDir.resolve(file);
        try {
            Trace trace = TraceReader.read(path);
            if (format != null && !format.equals(trace.format())) {
                n.problems().add(n.keyPath("format"), format, "does not match the file, which holds " + trace.format());
            }
            return trace;
        } catch (ConfigException e) {
            e.problems().forEach(p -> n.problems().add(n.keyPath("file") + ": " + p));
            return null;
        }
    }

    private static double rate(ConfigNode n, String key) {
        return n.has(key) ? n.number(key, 0, RATE) : required(n, key);
    }

    private static Duration duration(ConfigNode n, String key) {
        if (!n.has(key)) {
            required(n, key);
            return null;
        }
        return n.duration(key, null, NANO, null);
    }

    private static double required(ConfigNode n, String key) {
        n.problems().add(n.keyPath(key) + ": is required");
        return 0;
    }

    /** True while this node has reported no problem, so its record can be built. */
    private static boolean valid(ConfigNode n) {
        String prefix = n.path().isEmpty() ? "" : n.path() + ".";
        return n.problems().list().stream().noneMatch(p -> prefix.isEmpty() || p.startsWith(prefix));
    }
}
