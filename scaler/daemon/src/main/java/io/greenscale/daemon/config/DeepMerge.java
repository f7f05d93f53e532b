package io.greenscale.daemon.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Merges {@code defaults:} into a target: maps merge key by key, anything else in the target wins.
 * A target section that names a {@code type} the default section does not name identically (a
 * stream queue under a list default, an hpa policy under a greenscale default) replaces the
 * default section whole, since the default's keys may belong to another type.
 */
final class DeepMerge {
    private DeepMerge() {}

    static Map<String, Object> merge(Map<?, ?> defaults, Map<?, ?> target) {
        Map<String, Object> out = new LinkedHashMap<>();
        defaults.forEach((k, v) -> out.put(String.valueOf(k), v));
        target.forEach((k, v) -> {
            String key = String.valueOf(k);
            Object base = out.get(key);
            if (base instanceof Map<?, ?> baseMap && v instanceof Map<?, ?> overMap && sameType(baseMap, overMap)) {
                out.put(key, merge(baseMap, overMap));
            } else {
                out.put(key, v);
            }
        });
        return out;
    }

    private static boolean sameType(Map<?, ?> base, Map<?, ?> over) {
        return !over.containsKey("type") || java.util.Objects.equals(base.get("type"), over.get("type"));
    }
}
