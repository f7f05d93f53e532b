package io.greenscale.daemon.signal;

import io.greenscale.daemon.kube.ApiCalls;
import io.greenscale.daemon.kube.KubeApi;
import io.greenscale.daemon.signal.SourceException.Kind;
import io.greenscale.daemon.signal.SourceException.Source;
import io.greenscale.policy.config.Durations;
import io.kubernetes.client.custom.Quantity;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pod CPU usage from {@code metrics.k8s.io/v1beta1} (metrics-server), through the official
 * client's generic custom-object API, for a whole namespace at once. A pod whose sample is
 * missing is left out, as the HPA does.
 */
public final class KubePodMetrics implements UsageLister {
    private final KubeApi api;

    public KubePodMetrics(KubeApi api) {
        this.api = api;
    }

    @Override
    public Map<String, PodUsage> list(String namespace) throws SourceException {
        Object body = api.call(ApiCalls.LIST_POD_METRICS, namespace + " pod metrics",
                () -> api.custom().listNamespacedCustomObject("metrics.k8s.io", "v1beta1", namespace, "pods").execute());
        return parse(body);
    }

    static Map<String, PodUsage> parse(Object body) throws SourceException {
        if (!(body instanceof Map<?, ?> list) || !(list.get("items") instanceof List<?> items)) {
            throw new SourceException(Source.METRICS_API, Kind.BAD_RESPONSE, "a PodMetricsList without items");
        }
        Map<String, PodUsage> out = new HashMap<>();
        for (Object item : items) {
            try {
                Map<?, ?> m = (Map<?, ?>) item;
                String name = (String) ((Map<?, ?>) m.get("metadata")).get("name");
                Instant at = OffsetDateTime.parse((String) m.get("timestamp")).toInstant();
                Duration window = Durations.parse(m.get("window"));
                long milli = 0;
                for (Object c : (List<?>) m.get("containers")) {
                    Object cpu = ((Map<?, ?>) ((Map<?, ?>) c).get("usage")).get("cpu");
                    milli += PodSnapshots.milli(new Quantity(String.valueOf(cpu)));
                }
                out.put(name, new PodUsage(milli, at, window == null ? Duration.ZERO : window));
            } catch (RuntimeException e) {
                throw new SourceException(Source.METRICS_API, Kind.BAD_RESPONSE, "cannot read a PodMetrics item: " + e, e);
            }
        }
        return out;
    }
}
