package io.greenscale.app.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations ("90s", "250ms", "5m", "1h", "PT90S") and byte sizes ("4MiB", "512k", "1048576") as written in options. */
final class Quantities {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)?");
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?");

    private Quantities() {
    }

    /** @return null when {@code text} is not a duration; a bare number means seconds */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("pt") || t.startsWith("p")) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        Matcher m = DURATION.matcher(t);
        if (!m.matches()) {
            return null;
        }
        double v = Double.parseDouble(m.group(1));
        double nanosPerUnit = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> 1e6;
            case "m" -> 60e9;
            case "h" -> 3600e9;
            case "d" -> 86400e9;
            default -> 1e9;
        };
        return Duration.ofNanos(Math.round(v * nanosPerUnit));
    }

    /** @return null when {@code text} is not a size; k, m and g are binary (1024-based) whatever the spelling */
    static Long bytes(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        double v = Double.parseDouble(m.group(1));
        long unit = switch (m.group(2) == null ? "b" : m.group(2).substring(0, 1)) {
            case "k" -> 1024L;
            case "m" -> 1024L * 1024;
            case "g" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        return Math.round(v * unit);
    }

    static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        if (d.toMillis() % 1000 != 0) {
            return d.toMillis() + "ms";
        }
        long s = d.toSeconds();
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        return s % 60 == 0 ? s / 60 + "m" : s + "s";
    }

    static String formatBytes(long bytes) {
        if (bytes % (1024L * 1024 * 1024) == 0) {
            return bytes / (1024L * 1024 * 1024) + "GiB";
        }
        if (bytes % (1024L * 1024) == 0) {
            return bytes / (1024L * 1024) + "MiB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + "KiB" : bytes + "B";
    }
}
