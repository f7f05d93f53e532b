package io.greenscale.daemon.standin;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1DeploymentStatus;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V2CrossVersionObjectReference;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscalerSpec;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscalerStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** The stand-in's request handling per resource, and typed helpers for tests to set up and inspect objects. */
public final class StandInResources {
    private static final JSON CLIENT_JSON = new JSON();

    private final Store store;
    private final Map<String, Long> usageMilli = new ConcurrentHashMap<>();

    StandInResources(Store store) {
        this.store = store;
    }

    record Reply(int status, String body) {
        Reply(int status, JsonObject body) {
            this(status, body.toString());
        }
    }

    Reply serve(String method, StandInApiServer.Route r, Map<String, String> query, JsonElement body, String contentType) {
        if (r.group().equals("metrics.k8s.io") && r.resource().equals("pods") && r.name() == null && method.equals("GET")) {
            return new Reply(200, podMetrics(r.namespace(), query.get("labelSelector")));
        }
        if ("scale".equals(r.sub())) {
            return scale(method, r, body);
        }
        if (r.sub() != null) {
            return new Reply(404, status(404, "NotFound", "subresource " + r.sub() + " is not served by the stand-in"));
        }
        return switch (method) {
            case "GET" -> r.name() == null ? new Reply(200, list(r, query.get("labelSelector"))) : get(r);
            case "POST" -> create(r, body.getAsJsonObject());
            case "PUT" -> replace(r, body.getAsJsonObject());
            case "PATCH" -> patch(r, body.getAsJsonObject(), contentType);
            case "DELETE" -> store.delete(r.group(), r.resource(), r.namespace(), r.name())
                    ? new Reply(200, status(200, "", "deleted")) : notFound(r);
            default -> new Reply(405, status(405, "MethodNotAllowed", method + " is not supported"));
        };
    }

    private Reply get(StandInApiServer.Route r) {
        String json = store.json(r.group(), r.resource(), r.namespace(), r.name());
        return json == null ? notFound(r) : new Reply(200, json);
    }

    /** A list answer assembled from the stored JSON texts of the matching objects. */
    private String list(StandInApiServer.Route r, String selector) {
        Predicate<Map<String, String>> matches = LabelSelectors.parse(selector);
        List<Store.Entry> items = store.list(r.group(), r.resource(), r.namespace(), o -> matches.test(labels(o)));
        StringBuilder out = new StringBuilder("{\"apiVersion\":\"").append(r.apiVersion()).append("\",\"kind\":\"")
                .append(kindOf(r.resource())).append("List\",\"metadata\":{},\"items\":[");
        for (int i = 0; i < items.size(); i++) {
            out.append(i == 0 ? "" : ",").append(items.get(i).json());
        }
        return out.append("]}").toString();
    }

    private Reply create(StandInApiServer.Route r, JsonObject body) {
        if (!body.has("kind")) {
            body.addProperty("kind", kindOf(r.resource()));
        }
        if (!body.has("apiVersion")) {
            body.addProperty("apiVersion", r.apiVersion());
        }
        JsonObject created = store.create(r.group(), r.resource(), r.namespace(), body);
        return created == null
                ? new Reply(409, status(409, "AlreadyExists", r.resource() + " \"" + Store.meta(body).get("name").getAsString() + "\" already exists"))
                : new Reply(201, created);
    }

    private Reply replace(StandInApiServer.Route r, JsonObject body) {
        String expected = Store.meta(body).has("resourceVersion") ? Store.meta(body).get("resourceVersion").getAsString() : null;
        return switch (store.replace(r.group(), r.resource(), r.namespace(), r.name(), expected, body)) {
            case OK -> get(r);
            case NOT_FOUND -> notFound(r);
            case CONFLICT -> conflict(r);
        };
    }

    private Reply patch(StandInApiServer.Route r, JsonObject patch, String contentType) {
        if (contentType == null || !(contentType.startsWith("application/merge-patch+json") || contentType.startsWith("application/strategic-merge-patch+json"))) {
            return new Reply(415, status(415, "UnsupportedMediaType", "the stand-in accepts merge and strategic-merge patches, not " + contentType));
        }
        JsonObject current = store.get(r.group(), r.resource(), r.namespace(), r.name());
        if (current == null) {
            return notFound(r);
        }
        Store.meta(current).remove("resourceVersion");
        store.replace(r.group(), r.resource(), r.namespace(), r.name(), null, Store.merge(current, patch));
        return get(r);
    }

    /** The autoscaling/v1 Scale view of a workload: spec.replicas, status.replicas and the pod selector. */
    private Reply scale(String method, StandInApiServer.Route r, JsonElement body) {
        JsonObject object = store.get(r.group(), r.resource(), r.namespace(), r.name());
        if (object == null) {
            return notFound(r);
        }
        switch (method) {
            case "GET" -> {
                return new Reply(200, scaleOf(object));
            }
            case "PUT", "PATCH" -> {
                JsonObject scale = body.getAsJsonObject();
                String expected = method.equals("PUT") && Store.meta(scale).has("resourceVersion")
                        ? Store.meta(scale).get("resourceVersion").getAsString() : null;
                if (method.equals("PATCH")) {
                    scale = Store.merge(scaleOf(object), scale);
                }
                int replicas = scale.getAsJsonObject("spec").get("replicas").getAsInt();
                object.getAsJsonObject("spec").addProperty("replicas", replicas);
                return switch (store.replace(r.group(), r.resource(), r.namespace(), r.name(), expected, object)) {
                    case OK -> new Reply(200, scaleOf(store.get(r.group(), r.resource(), r.namespace(), r.name())));
                    case NOT_FOUND -> notFound(r);
                    case CONFLICT -> conflict(r);
                };
            }
            default -> {
                return new Reply(405, status(405, "MethodNotAllowed", method + " on scale"));
            }
        }
    }

    private static JsonObject scaleOf(JsonObject object) {
        JsonObject meta = Store.meta(object);
        JsonObject scaleMeta = new JsonObject();
        for (String k : new String[] {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
            if (meta.has(k)) {
                scaleMeta.add(k, meta.get(k));
            }
        }
        JsonObject spec = new JsonObject();
        JsonObject objectSpec = object.getAsJsonObject("spec");
        spec.addProperty("replicas", objectSpec.has("replicas") ? objectSpec.get("replicas").getAsInt() : 1);
        JsonObject status = new JsonObject();
        JsonObject objectStatus = object.has("status") ? object.getAsJsonObject("status") : new JsonObject();
        status.addProperty("replicas", objectStatus.has("replicas") ? objectStatus.get("replicas").getAsInt() : 0);
        if (objectSpec.has("selector") && objectSpec.getAsJsonObject("selector").has("matchLabels")) {
            Map<String, String> match = new LinkedHashMap<>();
            objectSpec.getAsJsonObject("selector").getAsJsonObject("matchLabels").entrySet()
                    .forEach(e -> match.put(e.getKey(), e.getValue().getAsString()));
            status.addProperty("selector", LabelSelectors.of(match));
        } else if (objectStatus.has("selector")) {
            status.add("selector", objectStatus.get("selector"));
        }
        JsonObject scale = new JsonObject();
        scale.addProperty("apiVersion", "autoscaling/v1");
        scale.addProperty("kind", "Scale");
        scale.add("metadata", scaleMeta);
        scale.add("spec", spec);
        scale.add("status", status);
        return scale;
    }

    private JsonObject podMetrics(String namespace, String selector) {
        Predicate<Map<String, String>> matches = LabelSelectors.parse(selector);
        List<JsonObject> items = new ArrayList<>();
        for (Store.Entry entry : store.list("", "pods", namespace, o -> true)) {
            JsonObject pod = entry.object();
            String name = Store.meta(pod).get("name").getAsString();
            Long milli = usageMilli.get(namespace + "/" + name);
            if (milli == null || !matches.test(labels(pod))) {
                continue;
            }
            JsonObject item = new JsonObject();
            JsonObject meta = new JsonObject();
            meta.addProperty("name", name);
            meta.addProperty("namespace", namespace);
            item.add("metadata", meta);
            item.addProperty("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            item.addProperty("window", "30s");
            JsonObject usage = new JsonObject();
            usage.addProperty("cpu", milli * 1_000_000 + "n");
            usage.addProperty("memory", "64Mi");
            JsonObject container = new JsonObject();
            container.addProperty("name", "app");
            container.add("usage", usage);
            com.google.gson.JsonArray containers = new com.google.gson.JsonArray();
            containers.add(container);
            item.add("containers", containers);
            items.add(item);
        }
        JsonObject list = new JsonObject();
        list.addProperty("kind", "PodMetricsList");
        list.addProperty("apiVersion", "metrics.k8s.io/v1beta1");
        list.add("metadata", new JsonObject());
        list.add("items", StandInApiServer.array(items));
        return list;
    }

    private static Map<String, String> labels(JsonObject o) {
        Map<String, String> out = new HashMap<>();
        JsonObject meta = Store.meta(o);
        if (meta.has("labels")) {
            meta.getAsJsonObject("labels").entrySet().forEach(e -> out.put(e.getKey(), e.getValue().getAsString()));
        }
        return out;
    }

    private static Reply notFound(StandInApiServer.Route r) {
        return new Reply(404, status(404, "NotFound", r.resource() + (r.sub() == null ? "" : "/" + r.sub()) + " \"" + r.name() + "\" not found"));
    }

    private static Reply conflict(StandInApiServer.Route r) {
        return new Reply(409, status(409, "Conflict", "Operation cannot be fulfilled on " + r.resource() + " \"" + r.name()
                + "\": the object has been modified; please apply your changes to the latest version and try again"));
    }

    static JsonObject status(int code, String reason, String message) {
        JsonObject s = new JsonObject();
        s.addProperty("kind", "Status");
        s.addProperty("apiVersion", "v1");
        s.add("metadata", new JsonObject());
        s.addProperty("status", code < 400 ? "Success" : "Failure");
        s.addProperty("message", message);
        s.addProperty("reason", reason);
        s.addProperty("code", code);
        return s;
    }

    private static String kindOf(String resource) {
        return switch (resource) {
            case "pods" -> "Pod";
            case "events" -> "Event";
            case "deployments" -> "Deployment";
            case "statefulsets" -> "StatefulSet";
            case "replicasets" -> "ReplicaSet";
            case "horizontalpodautoscalers" -> "HorizontalPodAutoscaler";
            case "leases" -> "Lease";
            default -> Character.toUpperCase(resource.charAt(0)) + resource.substring(1, resource.length() - 1);
        };
    }

    // ---- typed helpers for tests ----

    private void put(String group, String resource, String namespace, Object typed) {
        store.create(group, resource, namespace, com.google.gson.JsonParser.parseString(CLIENT_JSON.serialize(typed)).getAsJsonObject());
    }

    /** Any object, as JSON: e.g. a custom resource with a scale subresource (spec.replicas, status.replicas, status.selector). */
    public void object(String group, String resource, String namespace, String json) {
        store.create(group, resource, namespace, com.google.gson.JsonParser.parseString(json).getAsJsonObject());
    }

    public int specReplicas(String group, String resource, String namespace, String name) {
        return store.get(group, resource, namespace, name).getAsJsonObject("spec").get("replicas").getAsInt();
    }

    /** Another instance takes the Lease: holder changed, renewed now, for a long time. */
    public void takeLease(String namespace, String name, String holder) {
        JsonObject lease = store.get("coordination.k8s.io", "leases", namespace, name);
        JsonObject spec = lease.getAsJsonObject("spec");
        spec.addProperty("holderIdentity", holder);
        spec.addProperty("renewTime", Instant.now().toString());
        spec.addProperty("acquireTime", Instant.now().toString());
        spec.addProperty("leaseDurationSeconds", 600);
        store.replace("coordination.k8s.io", "leases", namespace, name, null, lease);
    }

    /** The Lease is given up: no holder, so the next candidate takes it at once. */
    public void releaseLease(String namespace, String name) {
        JsonObject lease = store.get("coordination.k8s.io", "leases", namespace, name);
        JsonObject spec = lease.getAsJsonObject("spec");
        spec.remove("holderIdentity");
        spec.remove("renewTime");
        spec.remove("acquireTime");
        store.replace("coordination.k8s.io", "leases", namespace, name, null, lease);
    }

    /** The Lease's current holder, or null. */
    public String leaseHolder(String namespace, String name) {
        JsonObject lease = store.get("coordination.k8s.io", "leases", namespace, name);
        if (lease == null || !lease.has("spec") || !lease.getAsJsonObject("spec").has("holderIdentity")) {
            return null;
        }
        return lease.getAsJsonObject("spec").get("holderIdentity").getAsString();
    }

    /** A StatefulSet whose pods carry {@code app=<name>}. */
    public void statefulSet(String namespace, String name, int replicas) {
        Map<String, String> labels = Map.of("app", name);
        put("apps", "statefulsets", namespace, new io.kubernetes.client.openapi.models.V1StatefulSet().apiVersion("apps/v1").kind("StatefulSet")
                .metadata(new V1ObjectMeta().name(name).namespace(namespace))
                .spec(new io.kubernetes.client.openapi.models.V1StatefulSetSpec().replicas(replicas).serviceName(name)
                        .selector(new V1LabelSelector().matchLabels(labels))
                        .template(new V1PodTemplateSpec().metadata(new V1ObjectMeta().labels(labels))
                                .spec(new V1PodSpec().containers(List.of(new V1Container().name("app").image("app"))))))
                .status(new io.kubernetes.client.openapi.models.V1StatefulSetStatus().replicas(replicas)));
    }

    /** A Deployment whose pods carry {@code app=<name>}; status.replicas follows {@link #reconcile}. */
    public void deployment(String namespace, String name, int replicas) {
        Map<String, String> labels = Map.of("app", name);
        put("apps", "deployments", namespace, new V1Deployment().apiVersion("apps/v1").kind("Deployment")
                .metadata(new V1ObjectMeta().name(name).namespace(namespace).labels(labels))
                .spec(new V1DeploymentSpec().replicas(replicas).selector(new V1LabelSelector().matchLabels(labels))
                        .template(new V1PodTemplateSpec().metadata(new V1ObjectMeta().labels(labels))
                                .spec(new V1PodSpec().containers(List.of(new V1Container().name("app").image("app"))))))
                .status(new V1DeploymentStatus().replicas(0)));
    }

    /** A pod of {@code app}, Running; Ready when {@code ready}; with a CPU request when {@code cpuRequestMilli} is not null. */
    public void pod(String namespace, String app, String name, boolean ready, Long cpuRequestMilli) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        V1ResourceRequirements resources = cpuRequestMilli == null ? new V1ResourceRequirements()
                : new V1ResourceRequirements().requests(Map.of("cpu", new Quantity(cpuRequestMilli + "m")));
        put("", "pods", namespace, new V1Pod().apiVersion("v1").kind("Pod")
                .metadata(new V1ObjectMeta().name(name).namespace(namespace).labels(Map.of("app", app)))
                .spec(new V1PodSpec().containers(List.of(new V1Container().name("app").image("app").resources(resources))))
                .status(new V1PodStatus().phase("Running").startTime(now)
                        .conditions(List.of(new V1PodCondition().type("Ready").status(ready ? "True" : "False").lastTransitionTime(now)))));
    }

    /** metrics.k8s.io usage of a pod in millicores. */
    public void usage(String namespace, String pod, long milli) {
        usageMilli.put(namespace + "/" + pod, milli);
    }

    public void clearUsage() {
        usageMilli.clear();
    }

    /** An autoscaling/v2 HPA whose scaleTargetRef is the Deployment {@code target}. */
    public void hpa(String namespace, String name, String target, Integer desiredReplicas) {
        put("autoscaling", "horizontalpodautoscalers", namespace, new V2HorizontalPodAutoscaler().apiVersion("autoscaling/v2")
                .kind("HorizontalPodAutoscaler").metadata(new V1ObjectMeta().name(name).namespace(namespace))
                .spec(new V2HorizontalPodAutoscalerSpec().minReplicas(1).maxReplicas(10)
                        .scaleTargetRef(new V2CrossVersionObjectReference().apiVersion("apps/v1").kind("Deployment").name(target)))
                .status(new V2HorizontalPodAutoscalerStatus().currentReplicas(desiredReplicas == null ? 0 : desiredReplicas)
                        .desiredReplicas(desiredReplicas == null ? 0 : desiredReplicas)));
    }

    public void deleteHpa(String namespace, String name) {
        store.delete("autoscaling", "horizontalpodautoscalers", namespace, name);
    }

    /** Sets (or, with null, removes) an annotation on a Deployment. */
    public void annotateDeployment(String namespace, String name, String key, String value) {
        JsonObject d = store.get("apps", "deployments", namespace, name);
        JsonObject meta = Store.meta(d);
        if (!meta.has("annotations")) {
            meta.add("annotations", new JsonObject());
        }
        if (value == null) {
            meta.getAsJsonObject("annotations").remove(key);
        } else {
            meta.getAsJsonObject("annotations").addProperty(key, value);
        }
        store.replace("apps", "deployments", namespace, name, null, d);
    }

    /** Changes a Deployment's spec.replicas behind the daemon's back (as kubectl scale would), bumping its resourceVersion. */
    public void setReplicas(String namespace, String name, int replicas) {
        JsonObject d = store.get("apps", "deployments", namespace, name);
        d.getAsJsonObject("spec").addProperty("replicas", replicas);
        store.replace("apps", "deployments", namespace, name, null, d);
    }

    public int replicas(String namespace, String deployment) {
        return store.get("apps", "deployments", namespace, deployment).getAsJsonObject("spec").get("replicas").getAsInt();
    }

    public boolean exists(String group, String resource, String namespace, String name) {
        return store.get(group, resource, namespace, name) != null;
    }

    public void deleteDeployment(String namespace, String name) {
        store.delete("apps", "deployments", namespace, name);
    }

    public List<CoreV1Event> events(String namespace) {
        return store.list("", "events", namespace, o -> true).stream()
                .map(e -> (CoreV1Event) CLIENT_JSON.deserialize(e.json(), CoreV1Event.class)).toList();
    }

    public List<String> pods(String namespace, String app) {
        return store.list("", "pods", namespace, p -> app.equals(labels(p).get("app"))).stream()
                .map(e -> Store.meta(e.object()).get("name").getAsString()).sorted().toList();
    }

    public Map<String, String> podAnnotations(String namespace, String pod) {
        JsonObject meta = Store.meta(store.get("", "pods", namespace, pod));
        Map<String, String> out = new HashMap<>();
        if (meta.has("annotations")) {
            meta.getAsJsonObject("annotations").entrySet().forEach(e -> out.put(e.getKey(), e.getValue().getAsString()));
        }
        return out;
    }

    /**
     * A ReplicaSet controller in miniature: creates Ready pods {@code <name>-<n>} up to
     * spec.replicas, or deletes the surplus pods with the lowest pod-deletion-cost first, and
     * sets status.replicas.
     */
    public void reconcile(String namespace, String name, Long cpuRequestMilli) {
        int want = replicas(namespace, name);
        List<String> have = new ArrayList<>(pods(namespace, name));
        int next = have.stream().mapToInt(p -> Integer.parseInt(p.substring(p.lastIndexOf('-') + 1))).max().orElse(-1) + 1;
        while (have.size() < want) {
            String pod = name + "-" + next++;
            pod(namespace, name, pod, true, cpuRequestMilli);
            have.add(pod);
        }
        if (have.size() > want) {
            have.sort(Comparator.comparingLong((String p) -> deletionCost(namespace, p)).thenComparing(Comparator.reverseOrder()));
            for (String pod : have.subList(0, have.size() - want)) {
                store.delete("", "pods", namespace, pod);
            }
        }
        JsonObject d = store.get("apps", "deployments", namespace, name);
        d.getAsJsonObject("status").addProperty("replicas", want);
        store.replace("apps", "deployments", namespace, name, null, d);
    }

    private long deletionCost(String namespace, String pod) {
        String cost = podAnnotations(namespace, pod).get("controller.kubernetes.io/pod-deletion-cost");
        return cost == null ? 0 : Long.parseLong(cost);
    }
}
