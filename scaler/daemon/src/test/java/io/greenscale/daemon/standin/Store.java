package io.greenscale.daemon.standin;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The stand-in's objects, by group, resource and namespace, then name, with one global
 * resourceVersion counter as etcd's revision. Every write bumps the object's resourceVersion; a
 * write that carries a stale one is a conflict. Each object is kept with its serialised form, so
 * reads (the hot path of a tick over hundreds of targets) copy nothing.
 */
final class Store {
    /** An object and its JSON text; never mutated once stored. */
    record Entry(JsonObject object, String json) {
        static Entry of(JsonObject object) {
            return new Entry(object, object.toString());
        }
    }

    private final Map<String, TreeMap<String, Entry>> buckets = new HashMap<>();
    private final AtomicLong revision = new AtomicLong(1000);

    private static String bucket(String group, String resource, String namespace) {
        return group + "/" + resource + "/" + namespace;
    }

    private TreeMap<String, Entry> bucketOf(String group, String resource, String namespace) {
        return buckets.computeIfAbsent(bucket(group, resource, namespace), k -> new TreeMap<>());
    }

    /** A private copy the caller may change. */
    synchronized JsonObject get(String group, String resource, String namespace, String name) {
        Entry e = bucketOf(group, resource, namespace).get(name);
        return e == null ? null : JsonParser.parseString(e.json()).getAsJsonObject();
    }

    /** The stored JSON text, or null. */
    synchronized String json(String group, String resource, String namespace, String name) {
        Entry e = bucketOf(group, resource, namespace).get(name);
        return e == null ? null : e.json();
    }

    /** The entries whose object passes {@code filter}; the objects must not be changed. */
    synchronized List<Entry> list(String group, String resource, String namespace, Predicate<JsonObject> filter) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : bucketOf(group, resource, namespace).values()) {
            if (filter.test(e.object())) {
                out.add(e);
            }
        }
        return out;
    }

    /** Creates the object; null when one of that name exists. Fills name (generateName), uid, resourceVersion, creationTimestamp. */
    synchronized JsonObject create(String group, String resource, String namespace, JsonObject object) {
        JsonObject meta = meta(object);
        if (!meta.has("name") && meta.has("generateName")) {
            meta.addProperty("name", meta.get("generateName").getAsString() + UUID.randomUUID().toString().substring(0, 5));
        }
        String name = meta.get("name").getAsString();
        TreeMap<String, Entry> bucket = bucketOf(group, resource, namespace);
        if (bucket.containsKey(name)) {
            return null;
        }
        meta.addProperty("namespace", namespace);
        meta.addProperty("uid", UUID.randomUUID().toString());
        meta.addProperty("creationTimestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        meta.addProperty("resourceVersion", Long.toString(revision.incrementAndGet()));
        bucket.put(name, Entry.of(object.deepCopy()));
        return object;
    }

    /** Outcome of a write that checks the resourceVersion. */
    enum Write { OK, NOT_FOUND, CONFLICT }

    /** Replaces the object when {@code expectedVersion} is null or still current; keeps the identity fields the server owns. */
    synchronized Write replace(String group, String resource, String namespace, String name, String expectedVersion, JsonObject object) {
        TreeMap<String, Entry> bucket = bucketOf(group, resource, namespace);
        Entry old = bucket.get(name);
        if (old == null) {
            return Write.NOT_FOUND;
        }
        JsonObject oldMeta = meta(old.object());
        String current = oldMeta.get("resourceVersion").getAsString();
        if (expectedVersion != null && !expectedVersion.isEmpty() && !expectedVersion.equals(current)) {
            return Write.CONFLICT;
        }
        JsonObject copy = object.deepCopy();
        JsonObject meta = meta(copy);
        for (String owned : new String[] {"uid", "creationTimestamp", "namespace", "name"}) {
            if (oldMeta.has(owned)) {
                meta.add(owned, oldMeta.get(owned));
            }
        }
        meta.addProperty("resourceVersion", Long.toString(revision.incrementAndGet()));
        bucket.put(name, Entry.of(copy));
        return Write.OK;
    }

    synchronized boolean delete(String group, String resource, String namespace, String name) {
        return bucketOf(group, resource, namespace).remove(name) != null;
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
