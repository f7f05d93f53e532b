package io.greenscale.daemon.standin;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stand-in's objects, keyed by group, resource, namespace and name, with one global
 * resourceVersion counter as etcd's revision. Every write bumps the object's resourceVersion;
 * a write that carries a stale one is a conflict.
 */
final class Store {
    private final Map<String, JsonObject> objects = new TreeMap<>();
    private final AtomicLong revision = new AtomicLong(1000);

    static String key(String group, String resource, String namespace, String name) {
        return group + "/" + resource + "/" + namespace + "/" + name;
    }

    synchronized JsonObject get(String group, String resource, String namespace, String name) {
        JsonObject o = objects.get(key(group, resource, namespace, name));
        return o == null ? null : o.deepCopy();
    }

    synchronized List<JsonObject> list(String group, String resource, String namespace) {
        String prefix = group + "/" + resource + "/" + namespace + "/";
        List<JsonObject> out = new ArrayList<>();
        objects.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.add(v.deepCopy());
            }
        });
        return out;
    }

    /** Creates the object; null when one of that name exists. Fills name (generateName), uid, resourceVersion, creationTimestamp. */
    synchronized JsonObject create(String group, String resource, String namespace, JsonObject object) {
        JsonObject meta = meta(object);
        if (!meta.has("name") && meta.has("generateName")) {
            meta.addProperty("name", meta.get("generateName").getAsString() + UUID.randomUUID().toString().substring(0, 5));
        }
        String name = meta.get("name").getAsString();
        String key = key(group, resource, namespace, name);
        if (objects.containsKey(key)) {
            return null;
        }
        meta.addProperty("namespace", namespace);
        meta.addProperty("uid", UUID.randomUUID().toString());
        meta.addProperty("creationTimestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        meta.addProperty("resourceVersion", Long.toString(revision.incrementAndGet()));
        objects.put(key, object.deepCopy());
        return object;
    }

    /** Outcome of a write that checks the resourceVersion. */
    enum Write { OK, NOT_FOUND, CONFLICT }

    /**
     * Replaces the object when {@code expectedVersion} is null or still current; keeps the
     * identity fields the server owns.
     */
    synchronized Write replace(String group, String resource, String namespace, String name, String expectedVersion, JsonObject object) {
        String key = key(group, resource, namespace, name);
        JsonObject old = objects.get(key);
        if (old == null) {
            return Write.NOT_FOUND;
        }
        String current = meta(old).get("resourceVersion").getAsString();
        if (expectedVersion != null && !expectedVersion.isEmpty() && !expectedVersion.equals(current)) {
            return Write.CONFLICT;
        }
        JsonObject meta = meta(object);
        for (String owned : new String[] {"uid", "creationTimestamp", "namespace", "name"}) {
            if (meta(old).has(owned)) {
                meta.add(owned, meta(old).get(owned));
            }
        }
        meta.addProperty("resourceVersion", Long.toString(revision.incrementAndGet()));
        objects.put(key, object.deepCopy());
        return Write.OK;
    }

    synchronized boolean delete(String group, String resource, String namespace, String name) {
        return objects.remove(key(group, resource, namespace, name)) != null;
    }

    static JsonObject meta(JsonObject object) {
        if (!object.has("metadata") || !object.get("metadata").isJsonObject()) {
            object.add("metadata", new JsonObject());
        }
        return object.getAsJsonObject("metadata");
    }

    /** RFC 7386 JSON merge patch: maps merge, null deletes, anything else replaces. */
    static JsonObject merge(JsonObject target, JsonObject patch) {
        for (Map.Entry<String, JsonElement> e : patch.entrySet()) {
            if (e.getValue().isJsonNull()) {
                target.remove(e.getKey());
            } else if (e.getValue().isJsonObject() && target.has(e.getKey()) && target.get(e.getKey()).isJsonObject()) {
                merge(target.getAsJsonObject(e.getKey()), e.getValue().getAsJsonObject());
            } else {
                target.add(e.getKey(), e.getValue().deepCopy());
            }
        }
        return target;
    }
}
