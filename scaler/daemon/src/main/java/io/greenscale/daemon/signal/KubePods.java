package io.greenscale.daemon.signal;

import io.greenscale.daemon.kube.ApiCalls;
import io.greenscale.daemon.kube.KubeApi;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.List;

/** The target's pods from the Kubernetes API, selected by the scale subresource's label selector. */
public final class KubePods implements PodLister {
    private final KubeApi api;

    public KubePods(KubeApi api) {
        this.api = api;
    }

    @Override
    public List<V1Pod> list(String namespace, String selector) throws SourceException {
        return api.call(ApiCalls.LIST_PODS, namespace + " pods " + selector,
                () -> api.core().listNamespacedPod(namespace).labelSelector(selector).execute().getItems());
    }
}
