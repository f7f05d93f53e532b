package io.greenscale.policy.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations as people write them in YAML: {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h30m}, or plain seconds. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

    private Durations() {}

    /** The duration, or null when {@code text} is not one. */
    public static Duration parse(Object value) {
        if (value instanceof Number n) {
            return Duration.ofNanos(Math.round(n.doubleValue() * 1e9));
        }
        if (!(value instanceof String text) || text.isBlank()) {
            return null;
        }
        String s = text.trim();
        try {
            return Duration.ofNanos(Math.round(Double.parseDouble(s) * 1e9));
        } catch (NumberFormatException notPlainSeconds) {
            // fall through to units
        }
        if (s.startsWith("P") || s.startsWith("p")) {
            try {
                return Duration.parse(s);
            } catch (RuntimeException e) {
                return null;
            }
        }
        Matcher m = PART.matcher(s);
        int end = 0;
        double nanos = 0;
        while (m.find()) {
            if (m.start() != end) {
                return null;
            }
            double v = Double.parseDouble(m.group(1));
            nanos += v * switch (m.group(2)) {
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                case "h" -> 3600e9;
                default -> 86400e9;
            };
            end = m.end();
        }
        return end == s.length() && end > 0 ? Duration.ofNanos(Math.round(nanos)) : null;
    }

    /** Renders like the input format: {@code 30s}, {@code 5m}, {@code 250ms}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms != 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms != 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
