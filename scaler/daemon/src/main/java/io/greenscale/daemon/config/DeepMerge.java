package io.greenscale.daemon.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** Merges {@code defaults:} into a target: maps merge key by key, anything else in the target wins. */
final class DeepMerge {
    private DeepMerge() {}

    static Map<String, Object> merge(Map<?, ?> defaults, Map<?, ?> target) {
        Map<String, Object> out = new LinkedHashMap<>();
        defaults.forEach((k, v) -> out.put(String.valueOf(k), v));
        target.forEach((k, v) -> {
            String key = String.valueOf(k);
            Object base = out.get(key);
            if (base instanceof Map<?, ?> baseMap && v instanceof Map<?, ?> overMap) {
                out.put(key, merge(baseMap, overMap));
            } else {
                out.put(key, v);
            }
        });
        return out;
    }
}
