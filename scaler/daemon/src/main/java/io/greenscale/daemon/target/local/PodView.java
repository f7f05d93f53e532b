package io.greenscale.daemon.target.local;

import io.greenscale.daemon.target.DeletionCosts;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * A worker process as the Kubernetes API would show its pod, so the daemon's pod pipeline (ready
 * and starting counts, the HPA emulation's pod snapshots, busy-aware deletion costs) reads local
 * workers exactly as it reads pods: Running from its spawn, Ready from its {@code /readyz},
 * a deletion timestamp from its SIGTERM, and the configured CPU request. Pure.
 */
final class PodView {
    private PodView() {}

    static V1Pod of(WorkerView w, String namespace, String app, long cpuRequestMilli) {
        boolean ready = w.ready();
        V1PodCondition readyCondition = new V1PodCondition().type("Ready").status(ready ? "True" : "False")
                .lastTransitionTime(time(ready ? w.readySince() : w.terminatingAt() != null ? w.terminatingAt() : w.spawnedAt()));
        V1ObjectMeta meta = new V1ObjectMeta().name(w.id()).namespace(namespace)
                .labels(Map.of("app", app))
                .annotations(Map.of(DeletionCosts.ANNOTATION, Integer.toString(w.deletionCost())))
                .creationTimestamp(time(w.spawnedAt()));
        if (w.terminating()) {
            meta.deletionTimestamp(time(w.terminatingAt()));
        }
        V1Container container = new V1Container().name("app").resources(new V1ResourceRequirements()
                .requests(Map.of("cpu", new Quantity(cpuRequestMilli + "m"))));
        return new V1Pod().metadata(meta).spec(new V1PodSpec().containers(List.of(container)))
                .status(new V1PodStatus().phase("Running").startTime(time(w.spawnedAt())).conditions(List.of(readyCondition)));
    }

    /** The label selector every worker of the target matches. */
    static String selector(String app) {
        return "app=" + app;
    }

    private static OffsetDateTime time(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
