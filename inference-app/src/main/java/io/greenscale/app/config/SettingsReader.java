package io.greenscale.app.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one setting at a time from the command line, else its environment variable, else a default,
 * and validates it. A bad value is recorded as {@code NAME = VALUE: must be ...}, naming the option or
 * the variable it came from, and reading goes on so that one start-up reports every problem.
 */
final class SettingsReader {
    private final Map<String, String> options;
    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    /** @param options values given on the command line, by option name ({@code --port}) */
    SettingsReader(Map<String, String> options, Map<String, String> env) {
        this.options = options;
        this.env = env;
    }

    List<String> problems() {
        return problems;
    }

    void problem(String message) {
        problems.add(message);
    }

    /** Where a value came from and what it was; null when neither source has one. */
    record Raw(String name, String value) {
    }

    Raw raw(String option, String envVar) {
        String v = options.get(option);
        if (v != null) {
            return new Raw(option, v);
        }
        v = env.get(envVar);
        return v == null || v.isBlank() ? null : new Raw(envVar, v);
    }

    int integer(String option, String envVar, int defaultValue, int min, int max) {
        Raw r = raw(option, envVar);
        if (r == null) {
            return defaultValue;
        }
        String allowed = "[" + min + ", " + max + "]";
        try {
            long v = Long.parseLong(r.value().trim());
            if (v < min || v > max) {
                return bad(r, "must be in " + allowed, defaultValue);
            }
            return (int) v;
        } catch (NumberFormatException e) {
            return bad(r, "must be a whole number in " + allowed, defaultValue);
        }
    }

    long longValue(String option, String envVar, long defaultValue) {
        Raw r = raw(option, envVar);
        if (r == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(r.value().trim());
        } catch (NumberFormatException e) {
            return bad(r, "must be a whole number", defaultValue);
        }
    }

    double number(String option, String envVar, double defaultValue, double min, double max) {
        Raw r = raw(option, envVar);
        if (r == null) {
            return defaultValue;
        }
        String allowed = "[" + trim(min) + ", " + trim(max) + "]";
        try {
            double v = Double.parseDouble(r.value().trim());
            if (!(v >= min && v <= max)) {
                return bad(r, "must be in " + allowed, defaultValue);
            }
            return v;
        } catch (NumberFormatException e) {
            return bad(r, "must be a number in " + allowed, defaultValue);
        }
    }

    Duration duration(String option, String envVar, Duration defaultValue, Duration min, Duration max) {
        Raw r = raw(option, envVar);
        if (r == null) {
            return defaultValue;
        }
        String allowed = "[" + Quantities.format(min) + ", " + Quantities.format(max) + "]";
        Duration d = Quantities.duration(r.value());
        if (d == null) {
            return bad(r, "must be a duration such as 90s, 250ms, 5m or 1h, in " + allowed, defaultValue);
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            return bad(r, "must be in " + allowed, defaultValue);
        }
        return d;
    }

    long bytes(String option, String envVar, long defaultValue, long min, long max) {
        Raw r = raw(option, envVar);
        if (r == null) {
            return defaultValue;
        }
        String allowed = "[" + Quantities.formatBytes(min) + ", " + Quantities.formatBytes(max) + "]";
        Long b = Quantities.bytes(r.value());
        if (b == null) {
            return bad(r, "must be a size such as 4MiB, 512KiB or 1048576, in " + allowed, defaultValue);
        }
        if (b < min || b > max) {
            return bad(r, "must be in " + allowed, defaultValue);
        }
        return b;
    }

    <E extends Enum<E>> E choice(String option, String envVar, E defaultValue, Class<E> type) {
        Raw r = raw(option, envVar);
        if (r == null) {
            return defaultValue;
        }
        String wanted = r.value().trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(wanted)) {
                return e;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            allowed.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return bad(r, "must be one of " + String.join(", ", allowed), defaultValue);
    }

    String string(String option, String envVar, String defaultValue) {
        Raw r = raw(option, envVar);
        return r == null ? defaultValue : r.value().trim();
    }

    URI redisUri(String option, String envVar, String defaultValue) {
        Raw r = raw(option, envVar);
        String v = r == null ? defaultValue : r.value().trim();
        try {
            URI uri = new URI(v.contains("://") ? v : "redis://" + v);
            if (!uri.getScheme().equals("redis") || uri.getHost() == null) {
                return bad(r, "must be redis://HOST[:PORT][/DB] or HOST[:PORT]", URI.create(defaultValue));
            }
            return uri;
        } catch (URISyntaxException e) {
            return bad(r, "must be redis://HOST[:PORT][/DB] or HOST[:PORT]", URI.create(defaultValue));
        }
    }

    private <T> T bad(Raw r, String rule, T fallback) {
        problems.add(r.name() + " = " + r.value() + ": " + rule);
        return fallback;
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
