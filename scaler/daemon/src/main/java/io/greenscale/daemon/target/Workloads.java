package io.greenscale.daemon.target;

import io.greenscale.daemon.config.TargetRef;
import io.greenscale.daemon.kube.ApiCalls;
import io.greenscale.daemon.kube.KubeApi;
import io.greenscale.daemon.signal.SourceException;
import io.greenscale.daemon.signal.Tick;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The annotations of the workloads of one kind in one namespace, listed once per tick and shared
 * by every target there: the pause annotation lives on the workload, not on its scale.
 */
final class Workloads {
    private final KubeApi api;

    Workloads(KubeApi api) {
        this.api = api;
    }

    /** The workload's annotations; a workload missing from the list has none. */
    Map<String, String> annotations(TargetRef ref, Tick tick, Duration deadline) throws SourceException {
        String key = "workloads " + ref.apiVersion() + " " + ref.resource() + " " + ref.namespace();
        Map<String, Map<String, String>> byName = tick.shared(key, SourceException.Source.KUBERNETES, deadline, "list " + ref.resource(),
                () -> list(ref));
        return byName.getOrDefault(ref.name(), Map.of());
    }

    private Map<String, Map<String, String>> list(TargetRef ref) throws SourceException {
        Object body = api.call(ApiCalls.listWorkloads(ref), ref.namespace() + " " + ref.resource(),
                () -> api.custom().listNamespacedCustomObject(ref.group(), ref.version(), ref.namespace(), ref.resource()).execute());
        Map<String, Map<String, String>> out = new HashMap<>();
        if (!(body instanceof Map<?, ?> list) || !(list.get("items") instanceof List<?> items)) {
            throw new SourceException(SourceException.Source.KUBERNETES, SourceException.Kind.BAD_RESPONSE,
                    "list " + ref.resource() + " in " + ref.namespace() + " returned no items");
        }
        for (Object item : items) {
            if (item instanceof Map<?, ?> object && object.get("metadata") instanceof Map<?, ?> meta) {
                Map<String, String> annotations = new HashMap<>();
                if (meta.get("annotations") instanceof Map<?, ?> a) {
                    a.forEach((k, v) -> annotations.put(String.valueOf(k), String.valueOf(v)));
                }
                out.put(String.valueOf(meta.get("name")), annotations);
            }
        }
        return out;
    }
}
