package io.greenscale.daemon.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Typed access to a vector's JSON with the format's conventions: an absent field and a JSON
 * {@code null} both read as "not given". A wrong type or a missing required field throws with the
 * field's path ({@code input.pods[2].requestMilli}).
 */
final class Fields {
    private Fields() {}

    /** The field's value, or null when it is absent or JSON null. */
    static JsonNode get(JsonNode obj, String name) {
        JsonNode v = obj == null ? null : obj.get(name);
        return v == null || v.isNull() ? null : v;
    }

    static boolean has(JsonNode obj, String name) {
        return get(obj, name) != null;
    }

    static String path(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static int requiredInt(JsonNode obj, String parent, String name) {
        Integer v = optionalInt(obj, parent, name);
        if (v == null) {
            throw new VectorFormatException(path(parent, name), "is required (an integer)");
        }
        return v;
    }

    static Integer optionalInt(JsonNode obj, String parent, String name) {
        JsonNode v = get(obj, name);
        if (v == null) {
            return null;
        }
        if (!isWhole(v) || !v.canConvertToInt()) {
            throw new VectorFormatException(path(parent, name), "must be an integer in int32 range, got " + v);
        }
        return v.asInt();
    }

    static int intOr(JsonNode obj, String parent, String name, int fallback) {
        Integer v = optionalInt(obj, parent, name);
        return v == null ? fallback : v;
    }

    static long requiredLong(JsonNode obj, String parent, String name) {
        Long v = optionalLong(obj, parent, name);
        if (v == null) {
            throw new VectorFormatException(path(parent, name), "is required (an integer)");
        }
        return v;
    }

    static Long optionalLong(JsonNode obj, String parent, String name) {
        JsonNode v = get(obj, name);
        if (v == null) {
            return null;
        }
        return asLong(v, path(parent, name));
    }

    static long asLong(JsonNode v, String path) {
        if (!isWhole(v) || !v.canConvertToLong()) {
            throw new VectorFormatException(path, "must be an integer in int64 range, got " + v);
        }
        return v.asLong();
    }

    static double doubleOr(JsonNode obj, String parent, String name, double fallback) {
        JsonNode v = get(obj, name);
        if (v == null) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw new VectorFormatException(path(parent, name), "must be a number, got " + v);
        }
        return v.asDouble();
    }

    static boolean boolOr(JsonNode obj, String parent, String name, boolean fallback) {
        JsonNode v = get(obj, name);
        if (v == null) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw new VectorFormatException(path(parent, name), "must be true or false, got " + v);
        }
        return v.asBoolean();
    }

    static String requiredText(JsonNode obj, String parent, String name) {
        String v = textOr(obj, parent, name, null);
        if (v == null) {
            throw new VectorFormatException(path(parent, name), "is required (a string)");
        }
        return v;
    }

    static String textOr(JsonNode obj, String parent, String name, String fallback) {
        JsonNode v = get(obj, name);
        if (v == null) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw new VectorFormatException(path(parent, name), "must be a string, got " + v);
        }
        return v.asText();
    }

    static JsonNode requiredArray(JsonNode obj, String parent, String name) {
        JsonNode v = get(obj, name);
        if (v == null) {
            throw new VectorFormatException(path(parent, name), "is required (an array)");
        }
        return array(v, path(parent, name));
    }

    /** An array, or an empty one when absent or null. */
    static JsonNode arrayOrEmpty(JsonNode obj, String parent, String name) {
        JsonNode v = get(obj, name);
        return v == null ? JsonNodeFactory.instance.arrayNode() : array(v, path(parent, name));
    }

    private static JsonNode array(JsonNode v, String path) {
        if (!v.isArray()) {
            throw new VectorFormatException(path, "must be an array, got " + v);
        }
        return v;
    }

    /** An object, or null when absent or null. */
    static JsonNode objectOrNull(JsonNode obj, String parent, String name) {
        JsonNode v = get(obj, name);
        if (v != null && !v.isObject()) {
            throw new VectorFormatException(path(parent, name), "must be an object or null, got " + v);
        }
        return v;
    }

    static JsonNode requiredObject(JsonNode obj, String parent, String name) {
        JsonNode v = objectOrNull(obj, parent, name);
        if (v == null) {
            throw new VectorFormatException(path(parent, name), "is required (an object)");
        }
        return v;
    }

    private static boolean isWhole(JsonNode v) {
        return v.isIntegralNumber() || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()) && !Double.isInfinite(v.asDouble()));
    }
}
