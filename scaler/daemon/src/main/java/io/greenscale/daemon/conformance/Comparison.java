package io.greenscale.daemon.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The format's acceptance rule: every key of {@code expected} must match exactly; {@code error}
 * matches when the emulation failed with a message containing it; {@code recommendationsAfter:
 * null} is not asserted; {@code conditions} must list exactly the condition types present.
 * Numbers compare by value (5 and 5.0 are equal).
 */
final class Comparison {
    private Comparison() {}

    static List<Mismatch> compare(JsonNode expected, JsonNode actual) {
        List<Mismatch> out = new ArrayList<>();
        JsonNode actualError = actual.get("error");
        if (actualError != null && !expected.has("error")) {
            out.add(new Mismatch("error", "none", actualError.toString()));
            return out;
        }
        Iterator<String> keys = expected.fieldNames();
        while (keys.hasNext()) {
            String key = keys.next();
            JsonNode e = expected.get(key);
            JsonNode a = actual.get(key);
            if (key.equals("error")) {
                if (actualError == null || !actualError.asText().contains(e.asText())) {
                    out.add(new Mismatch("error", "an error containing " + e, actualError == null ? "no error, " + actual : actualError.toString()));
                }
            } else if (key.equals("recommendationsAfter") && e.isNull()) {
                continue;
            } else if (a == null) {
                out.add(new Mismatch(key, e.toString(), "(not produced)"));
            } else if (!same(e, a, key.equals("conditions"))) {
                out.add(new Mismatch(key, e.toString(), a.toString()));
            }
        }
        return out;
    }

    /** @param exactKeys objects must have the same key set (else only the expected keys are compared) */
    static boolean same(JsonNode e, JsonNode a, boolean exactKeys) {
        if (e.isNumber() && a.isNumber()) {
            return e.decimalValue().compareTo(a.decimalValue()) == 0;
        }
        if (e.isArray() && a.isArray()) {
            if (e.size() != a.size()) {
                return false;
            }
            for (int i = 0; i < e.size(); i++) {
                if (!same(e.get(i), a.get(i), false)) {
                    return false;
                }
            }
            return true;
        }
        if (e.isObject() && a.isObject()) {
            Set<String> expectedKeys = new HashSet<>();
            e.fieldNames().forEachRemaining(expectedKeys::add);
            if (exactKeys) {
                Set<String> actualKeys = new HashSet<>();
                a.fieldNames().forEachRemaining(actualKeys::add);
                if (!expectedKeys.equals(actualKeys)) {
                    return false;
                }
            }
            for (String k : expectedKeys) {
                if (a.get(k) == null || !same(e.get(k), a.get(k), false)) {
                    return false;
                }
            }
            return true;
        }
        return e.equals(a);
    }
}
