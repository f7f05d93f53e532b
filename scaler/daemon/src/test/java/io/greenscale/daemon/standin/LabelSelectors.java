package io.greenscale.daemon.standin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The API server's label-selector query syntax: {@code a=b,c!=d,e in (x,y),f notin (z),g,!h}. */
final class LabelSelectors {
    private LabelSelectors() {}

    static Predicate<Map<String, String>> parse(String selector) {
        if (selector == null || selector.isBlank()) {
            return labels -> true;
        }
        List<Predicate<Map<String, String>>> parts = new ArrayList<>();
        for (String term : split(selector)) {
            parts.add(term(term.trim()));
        }
        return labels -> parts.stream().allMatch(p -> p.test(labels));
    }

    private static Predicate<Map<String, String>> term(String t) {
        if (t.contains(" notin ")) {
            String key = t.substring(0, t.indexOf(" notin ")).trim();
            Set<String> values = values(t);
            return l -> !values.contains(l.get(key));
        }
        if (t.contains(" in ")) {
            String key = t.substring(0, t.indexOf(" in ")).trim();
            Set<String> values = values(t);
            return l -> values.contains(l.get(key));
        }
        if (t.contains("!=")) {
            String[] kv = t.split("!=", 2);
            return l -> !kv[1].trim().equals(l.get(kv[0].trim()));
        }
        if (t.contains("=")) {
            String[] kv = t.split("==?", 2);
            return l -> kv[1].trim().equals(l.get(kv[0].trim()));
        }
        if (t.startsWith("!")) {
            return l -> !l.containsKey(t.substring(1));
        }
        return l -> l.containsKey(t);
    }

    private static Set<String> values(String t) {
        String inner = t.substring(t.indexOf('(') + 1, t.lastIndexOf(')'));
        return Arrays.stream(inner.split(",")).map(String::trim).collect(Collectors.toSet());
    }

    private static List<String> split(String selector) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char c : selector.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** The selector string of a {@code matchLabels} map, as the API server publishes it in a Scale's status. */
    static String of(Map<String, String> matchLabels) {
        return matchLabels.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }
}
