package io.greenscale.loadgen.cli;

import io.greenscale.loadgen.profile.ArrivalStream;
import io.greenscale.loadgen.profile.Arrivals;
import io.greenscale.loadgen.profile.Profile;
import io.greenscale.loadgen.profile.ProfileSpec;
import io.greenscale.loadgen.profile.Trace;
import io.greenscale.loadgen.profile.TraceReader;
import io.greenscale.loadgen.profile.Workloads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The arrivals a run command asked for: a named profile with its parameters, a profile file, a
 * built-in workload, or a trace replayed request by request; scaled, and cut at {@code --duration}.
 */
record Workload(ArrivalStream arrivals, Duration duration, List<String> columns, Map<String, Object> spec,
                double startRatePerSecond) {
    private static final Set<String> KINDS = Set.of("constant", "step", "ramp", "burst", "sine", "diurnal", "spike");

    static Workload choose(RunCommand c) {
        int sources = (c.trace != null ? 1 : 0) + (c.profileFile != null ? 1 : 0) + (c.profile != null ? 1 : 0);
        if (sources > 1) {
            throw c.usage("give one of --profile, --profile-file and --trace");
        }
        if (!(c.rateScale > 0) || !(c.timeScale > 0)) {
            throw c.usage("--rate-scale and --time-scale must be > 0");
        }
        if (c.closedLoop) {
            if (sources > 0 || c.rate != null) {
                throw c.usage("--closed-loop sets its own pace (--users, --think); it takes no --rate, profile or trace");
            }
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("profile", "closed-loop");
            spec.put("users", c.users);
            spec.put("think_s", c.think.toNanos() / 1e9);
            return new Workload(null, c.duration, List.of(), spec, 0);
        }
        if (c.trace != null) {
            return replay(c, TraceReader.read(c.trace));
        }
        if (c.rate != null && (c.profileFile != null || c.profile != null && !KINDS.contains(c.profile.toLowerCase(Locale.ROOT)))) {
            throw c.usage("--rate sets the constant profile's rate; a profile file or built-in workload has its own rates "
                    + "(scale them with --rate-scale)");
        }
        Profile p;
        if (c.profileFile != null) {
            p = ProfileSpec.readFile(c.profileFile);
        } else if (c.profile == null || KINDS.contains(c.profile.toLowerCase(Locale.ROOT))) {
            p = named(c, c.profile == null ? "constant" : c.profile.toLowerCase(Locale.ROOT));
        } else {
            p = Workloads.resolve(c.profile);
        }
        if (p instanceof Trace t) {
            return replay(c, t);
        }
        Profile scaled = p.scaled(c.rateScale, c.timeScale);
        ArrivalStream a = c.arrivals == RunCommand.Arrival.UNIFORM ? Arrivals.uniform(scaled) : Arrivals.poisson(scaled, c.seed);
        Map<String, Object> spec = new LinkedHashMap<>(scaled.spec());
        spec.put("arrivals", c.arrivals.name().toLowerCase(Locale.ROOT));
        return cut(c, a, scaled.duration(), List.of(), spec, startRate(scaled));
    }

    private static Profile named(RunCommand c, String kind) {
        if (!"constant".equals(kind) && c.rate != null) {
            throw c.usage("--rate sets the constant profile's rate; for " + kind + " use -P (e.g. -P from=10 -P to=500)");
        }
        if ("constant".equals(kind) && c.rate == null && !c.params.containsKey("rate")) {
            throw c.usage("give --rate (and --duration), or --profile/--profile-file/--trace");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("profile", kind);
        if (c.rate != null) {
            map.put("rate", c.rate);
        }
        if (c.duration != null) {
            map.put("duration", c.duration.toNanos() / 1e9);
        }
        c.params.forEach((k, v) -> map.put(k, value(v)));
        return ProfileSpec.read(map, "", Path.of("").toAbsolutePath());
    }

    /** -P values: numbers as numbers, "10,20,30" as a list of numbers, anything else as text (e.g. 30s). */
    private static Object value(String v) {
        if (v.contains(",")) {
            List<Object> list = new ArrayList<>();
            for (String part : v.split(",")) {
                list.add(value(part.strip()));
            }
            return list;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return v;
        }
    }

    private static Workload replay(RunCommand c, Trace t) {
        ArrivalStream a = Arrivals.replay(t, c.rateScale, c.timeScale, c.seed);
        Map<String, Object> spec = new LinkedHashMap<>(t.spec());
        spec.put("rate_scale", c.rateScale);
        spec.put("time_scale", c.timeScale);
        spec.put("arrivals", "replay");
        Profile scaled = t.scaled(c.rateScale, c.timeScale);
        return cut(c, a, scaled.duration(), t.columns(), spec, startRate(scaled));
    }

    private static Workload cut(RunCommand c, ArrivalStream a, Duration natural, List<String> columns, Map<String, Object> spec,
                                double startRate) {
        if (c.duration != null && c.duration.compareTo(natural) < 0) {
            spec.put("cut_at_s", c.duration.toNanos() / 1e9);
            return new Workload(Arrivals.until(a, c.duration), c.duration, columns, spec, startRate);
        }
        return new Workload(a, natural, columns, spec, startRate);
    }

    /** The rate over the workload's first second, for the warm-up. */
    private static double startRate(Profile p) {
        double sum = 0;
        for (int i = 0; i < 100; i++) {
            sum += p.rateAtSeconds(i / 100.0 + 0.005);
        }
        return sum / 100;
    }

    /** For run.json: the workload, and the seed that drew it. */
    Map<String, Object> describe(RunCommand c) {
        Map<String, Object> m = new LinkedHashMap<>(spec);
        m.put("seed", c.seed);
        return m;
    }
}
