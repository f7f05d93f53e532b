package io.greenscale.daemon.target;

import io.greenscale.daemon.config.TargetRef;
import io.greenscale.daemon.kube.ApiCalls;
import io.greenscale.daemon.kube.KubeApi;
import io.greenscale.daemon.signal.SourceException;
import io.greenscale.daemon.signal.Tick;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.time.Duration;
import java.util.List;

/** The HPAs of a namespace (autoscaling/v2), listed once per tick and shared by every target there. */
final class Autoscalers {
    private final KubeApi api;

    Autoscalers(KubeApi api) {
        this.api = api;
    }

    /** The HPA whose scaleTargetRef is this workload, or null. */
    Observation.ForeignHpa find(TargetRef ref, Tick tick, Duration deadline) throws SourceException {
        List<V2HorizontalPodAutoscaler> hpas = tick.shared("hpas " + ref.namespace(), SourceException.Source.KUBERNETES, deadline,
                "list HPAs in " + ref.namespace(),
                () -> api.call(ApiCalls.LIST_HPAS, ref.namespace(),
                        () -> api.autoscaling().listNamespacedHorizontalPodAutoscaler(ref.namespace()).execute().getItems()));
        for (V2HorizontalPodAutoscaler hpa : hpas) {
            var target = hpa.getSpec() == null ? null : hpa.getSpec().getScaleTargetRef();
            if (target != null && ref.matches(target.getApiVersion(), target.getKind(), target.getName())) {
                Integer desired = hpa.getStatus() == null ? null : hpa.getStatus().getDesiredReplicas();
                return new Observation.ForeignHpa(hpa.getMetadata().getName(), desired);
            }
        }
        return null;
    }
}
