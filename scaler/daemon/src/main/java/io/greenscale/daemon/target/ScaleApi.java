package io.greenscale.daemon.target;

import io.greenscale.daemon.config.TargetRef;
import io.greenscale.daemon.kube.ApiCalls;
import io.greenscale.daemon.kube.KubeApi;
import io.greenscale.daemon.signal.SourceException;
import io.kubernetes.client.openapi.models.V1Scale;

/**
 * The {@code /scale} subresource of one workload: typed apps/v1 calls for Deployments,
 * StatefulSets and ReplicaSets, the generic custom-object calls for any other kind.
 */
interface ScaleApi {

    V1Scale read() throws SourceException;

    V1Scale replace(V1Scale scale) throws SourceException;

    static ScaleApi of(KubeApi api, TargetRef ref) {
        if (ref.isAppsKind()) {
            return switch (ref.kind()) {
                case "Deployment" -> new Calls(api, ref,
                        () -> api.apps().readNamespacedDeploymentScale(ref.name(), ref.namespace()).execute(),
                        s -> api.apps().replaceNamespacedDeploymentScale(ref.name(), ref.namespace(), s).execute());
                case "StatefulSet" -> new Calls(api, ref,
                        () -> api.apps().readNamespacedStatefulSetScale(ref.name(), ref.namespace()).execute(),
                        s -> api.apps().replaceNamespacedStatefulSetScale(ref.name(), ref.namespace(), s).execute());
                default -> new Calls(api, ref,
                        () -> api.apps().readNamespacedReplicaSetScale(ref.name(), ref.namespace()).execute(),
                        s -> api.apps().replaceNamespacedReplicaSetScale(ref.name(), ref.namespace(), s).execute());
            };
        }
        return new Calls(api, ref,
                () -> convert(api.custom().getNamespacedCustomObjectScale(ref.group(), ref.version(), ref.namespace(), ref.resource(), ref.name()).execute()),
                s -> convert(api.custom().replaceNamespacedCustomObjectScale(ref.group(), ref.version(), ref.namespace(), ref.resource(), ref.name(), s).execute()));
    }

    /** The generic API answers a map; the official model validates it as a Scale. */
    private static V1Scale convert(Object body) {
        var gson = io.kubernetes.client.openapi.JSON.getGson();
        return gson.fromJson(gson.toJsonTree(body), V1Scale.class);
    }

    interface Read {
        V1Scale send() throws io.kubernetes.client.openapi.ApiException;
    }

    interface Replace {
        V1Scale send(V1Scale scale) throws io.kubernetes.client.openapi.ApiException;
    }

    record Calls(KubeApi api, TargetRef ref, Read reader, Replace replacer) implements ScaleApi {
        @Override
        public V1Scale read() throws SourceException {
            return api.call(ApiCalls.getScale(ref), ref.id(), reader::send);
        }

        @Override
        public V1Scale replace(V1Scale scale) throws SourceException {
            return api.call(ApiCalls.updateScale(ref), ref.id(), () -> replacer.send(scale));
        }
    }
}
