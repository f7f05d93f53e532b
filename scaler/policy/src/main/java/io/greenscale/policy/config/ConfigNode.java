package io.greenscale.policy.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A path-aware reader over a configuration tree (the maps, lists, strings, numbers and booleans
 * a YAML or JSON parser produces). Every getter validates and, on a bad value, records a problem
 * naming the key, the value and the allowed range, then returns the default so that reading
 * continues and one run reports every problem. {@link #finish()} reports unknown keys.
 *
 * <pre>{@code
 * ConfigProblems problems = new ConfigProblems();
 * ConfigNode cpu = ConfigNode.root(yamlMap, "policy", problems).child("cpu");
 * double target = cpu.number("target", 0.7, Range.openClosed(0, 1));   // "policy.cpu.target = 1.4: must be in (0, 1]"
 * cpu.finish();
 * problems.throwIfAny();
 * }</pre>
 */
public final class ConfigNode {
    private final String path;
    private final Map<String, Object> values;
    private final ConfigProblems problems;
    private final Set<String> known = new LinkedHashSet<>();
    private final List<ConfigNode> children = new ArrayList<>();

    private ConfigNode(String path, Map<String, Object> values, ConfigProblems problems) {
        this.path = path;
        this.values = values;
        this.problems = problems;
    }

    /** @param path the prefix shown in messages, e.g. {@code "policy"} or {@code "targets[0]"}; may be empty */
    public static ConfigNode root(Map<String, ?> values, String path, ConfigProblems problems) {
        return new ConfigNode(path, copy(values), problems);
    }

    private static Map<String, Object> copy(Map<?, ?> values) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((k, v) -> m.put(String.valueOf(k), v));
        }
        return m;
    }

    public String path() {
        return path;
    }

    public ConfigProblems problems() {
        return problems;
    }

    /** The full key path of {@code key} below this node. */
    public String keyPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public boolean has(String key) {
        known.add(key);
        return values.containsKey(key) && values.get(key) != null;
    }

    /** The raw value, or null. */
    public Object raw(String key) {
        known.add(key);
        return values.get(key);
    }

    /** A nested section; an absent one reads as empty (all defaults). */
    public ConfigNode child(String key) {
        known.add(key);
        Object v = values.get(key);
        if (v != null && !(v instanceof Map<?, ?>)) {
            problems.add(keyPath(key), v, "must be a section (a map of keys)");
            v = null;
        }
        ConfigNode node = new ConfigNode(keyPath(key), copy((Map<?, ?>) v), problems);
        children.add(node);
        return node;
    }

    /** A nested section, or empty when it is absent. */
    public Optional<ConfigNode> optionalChild(String key) {
        return has(key) ? Optional.of(child(key)) : Optional.empty();
    }

    /** A list of sections, e.g. {@code targets}; each node's path is {@code targets[i]}. */
    public List<ConfigNode> list(String key) {
        known.add(key);
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> items)) {
            problems.add(keyPath(key), v, "must be a list");
            return List.of();
        }
        List<ConfigNode> nodes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String p = keyPath(key) + "[" + i + "]";
            if (items.get(i) instanceof Map<?, ?> m) {
                ConfigNode node = new ConfigNode(p, copy(m), problems);
                children.add(node);
                nodes.add(node);
            } else {
                problems.add(p, items.get(i), "must be a section (a map of keys)");
            }
        }
        return nodes;
    }

    /** A list of strings; a single string reads as a one-element list. */
    public List<String> strings(String key, List<String> defaultValue) {
        Object v = raw(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof String s) {
            return List.of(s);
        }
        if (v instanceof List<?> items && items.stream().allMatch(i -> i instanceof String)) {
            return items.stream().map(String.class::cast).toList();
        }
        problems.add(keyPath(key), v, "must be a string or a list of strings");
        return defaultValue;
    }

    public double number(String key, double defaultValue, Range range) {
        Object v = raw(key);
        if (v == null) {
            return defaultValue;
        }
        Double d = toDouble(v);
        if (d == null || d.isNaN()) {
            problems.add(keyPath(key), v, "must be a number in " + range);
            return defaultValue;
        }
        if (!range.contains(d)) {
            problems.add(keyPath(key), v, "must be in " + range);
            return defaultValue;
        }
        return d;
    }

    /** A fraction written either as 0.7 or as "70%". */
    public double fraction(String key, double defaultValue, Range range) {
        Object v = raw(key);
        if (v instanceof String s && s.trim().endsWith("%")) {
            try {
                double d = Double.parseDouble(s.trim().substring(0, s.trim().length() - 1)) / 100.0;
                if (range.contains(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(keyPath(key), v, "must be in " + range + " (or a percentage)");
            return defaultValue;
        }
        return number(key, defaultValue, range);
    }

    public int integer(String key, int defaultValue, int min, int max) {
        Object v = raw(key);
        if (v == null) {
            return defaultValue;
        }
        Double d = toDouble(v);
        String allowed = "[" + min + ", " + (max == Integer.MAX_VALUE ? "∞)" : max + "]");
        if (d == null || d != Math.rint(d)) {
            problems.add(keyPath(key), v, "must be a whole number in " + allowed);
            return defaultValue;
        }
        if (d < min || d > max) {
            problems.add(keyPath(key), v, "must be in " + allowed);
            return defaultValue;
        }
        return d.intValue();
    }

    public Duration duration(String key, Duration defaultValue, Duration min, Duration max) {
        Object v = raw(key);
        if (v == null) {
            return defaultValue;
        }
        Duration d = Durations.parse(v);
        String allowed = "[" + Durations.format(min) + ", " + (max == null ? "∞)" : Durations.format(max) + "]");
        if (d == null) {
            problems.add(keyPath(key), v, "must be a duration such as 30s, 5m or 250ms, in " + allowed);
            return defaultValue;
        }
        if (d.compareTo(min) < 0 || (max != null && d.compareTo(max) > 0)) {
            problems.add(keyPath(key), v, "must be in " + allowed);
            return defaultValue;
        }
        return d;
    }

    public boolean bool(String key, boolean defaultValue) {
        Object v = raw(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        problems.add(keyPath(key), v, "must be true or false");
        return defaultValue;
    }

    public String string(String key, String defaultValue) {
        Object v = raw(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Number || v instanceof Boolean) {
            return String.valueOf(v);
        }
        problems.add(keyPath(key), v, "must be a string");
        return defaultValue;
    }

    /** A string that must be non-empty. */
    public String requiredString(String key) {
        String s = string(key, null);
        if (s == null || s.isBlank()) {
            if (!values.containsKey(key)) {
                problems.add(keyPath(key) + ": is required");
            } else {
                problems.add(keyPath(key), values.get(key), "must be a non-empty string");
            }
            return "";
        }
        return s;
    }

    /** One of an enum's constants, written case-insensitively with '-' or '_' ("round-robin" → ROUND_ROBIN). */
    public <E extends Enum<E>> E choice(String key, E defaultValue, Class<E> type) {
        Object v = raw(key);
        if (v == null) {
            return defaultValue;
        }
        String wanted = String.valueOf(v).trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(wanted)) {
                return e;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            allowed.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        problems.add(keyPath(key), v, "must be one of " + String.join(", ", allowed));
        return defaultValue;
    }

    /** Reports keys of this node and every child that no getter asked for (typos), with a suggestion. */
    public void finish() {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                String suggestion = closest(key, known);
                problems.add(keyPath(key) + ": unknown key" + (suggestion == null ? "" : " (did you mean " + suggestion + "?)")
                        + (known.isEmpty() ? "" : "; known keys here: " + String.join(", ", known)));
            }
        }
        children.forEach(ConfigNode::finish);
        children.clear();
    }

    private static Double toDouble(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String closest(String key, Set<String> candidates) {
        return candidates.stream()
                .filter(c -> distance(key.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT)) <= Math.max(2, key.length() / 3))
                .min(Comparator.comparingInt(c -> distance(key.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT))))
                .orElse(null);
    }

    /** Levenshtein distance, for "did you mean". */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
