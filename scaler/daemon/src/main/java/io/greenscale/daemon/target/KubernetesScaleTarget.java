package io.greenscale.daemon.target;

import io.greenscale.daemon.config.Mode;
import io.greenscale.daemon.config.TargetRef;
import io.greenscale.daemon.kube.ApiCalls;
import io.greenscale.daemon.kube.KubeApi;
import io.greenscale.daemon.signal.SourceException;
import io.greenscale.daemon.signal.SourceException.Kind;
import io.greenscale.daemon.signal.Tick;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Scale;
import io.kubernetes.client.openapi.models.V1ScaleSpec;
import io.kubernetes.client.util.PatchUtils;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A workload's {@code /scale} subresource. Observing reads the scale, the workload's pause
 * annotation and, in active and shadow mode, an HPA aimed at the same workload; scaling writes
 * the scale with the resourceVersion it read, so a concurrent change is a 409 and the next tick
 * decides again from fresh state.
 */
public final class KubernetesScaleTarget implements ScaleTarget {
    private static final Logger LOG = LoggerFactory.getLogger(KubernetesScaleTarget.class);

    private final KubeApi api;
    private final TargetRef ref;
    private final Mode mode;
    private final ScaleApi scale;
    private final Workloads workloads;
    private final Autoscalers autoscalers;

    public KubernetesScaleTarget(KubeApi api, TargetRef ref, Mode mode) {
        this.api = api;
        this.ref = ref;
        this.mode = mode;
        this.scale = ScaleApi.of(api, ref);
        this.workloads = new Workloads(api);
        this.autoscalers = new Autoscalers(api);
    }

    /** The tick waits this long for a request: one slot wait plus the request itself. */
    private Duration deadline() {
        return api.timeout().multipliedBy(2).plusMillis(250);
    }

    @Override
    public Observation observe(Tick tick) throws SourceException {
        V1Scale current = tick.call(SourceException.Source.KUBERNETES, deadline(), "read scale of " + ref.id(), scale::read);
        Map<String, String> annotations = workloads.annotations(ref, tick, deadline());
        Observation.ForeignHpa hpa = switch (mode) {
            case ACTIVE -> autoscalers.find(ref, tick, deadline());
            case SHADOW -> shadowHpa(tick);
            case DRY_RUN -> null;
        };
        int spec = current.getSpec() == null || current.getSpec().getReplicas() == null ? 0 : current.getSpec().getReplicas();
        int status = current.getStatus() == null ? 0 : current.getStatus().getReplicas();
        String selector = current.getStatus() == null ? null : current.getStatus().getSelector();
        boolean paused = "true".equalsIgnoreCase(annotations.get(Observation.PAUSED_ANNOTATION));
        return new Observation(spec, status, selector == null || selector.isBlank() ? null : selector,
                current.getMetadata() == null ? null : current.getMetadata().getResourceVersion(), paused, hpa);
    }

    /** In shadow mode a missing HPA reading only loses the comparison column, so it does not fail the observation. */
    private Observation.ForeignHpa shadowHpa(Tick tick) {
        try {
            return autoscalers.find(ref, tick, deadline());
        } catch (SourceException e) {
            return null;
        }
    }

    @Override
    public WriteResult scale(Observation seen, int desired, Map<String, Integer> deletionCosts, Tick tick) {
        if (desired == seen.specReplicas()) {
            return new WriteResult.Unchanged();
        }
        if (desired < seen.specReplicas() && !deletionCosts.isEmpty()) {
            annotate(deletionCosts, tick);
        }
        V1Scale body = new V1Scale()
                .apiVersion("autoscaling/v1")
                .kind("Scale")
                .metadata(new V1ObjectMeta().name(ref.name()).namespace(ref.namespace()).resourceVersion(seen.version()))
                .spec(new V1ScaleSpec().replicas(desired));
        try {
            scale.replace(body);
            return new WriteResult.Applied(seen.specReplicas(), desired);
        } catch (SourceException e) {
            tick.report(e);
            return e.kind() == Kind.CONFLICT ? new WriteResult.Conflict(e) : new WriteResult.Failed(e);
        }
    }

    /**
     * Writes the deletion costs that changed. A failed patch is counted and logged but does not
     * stop the scale-down: the costs only choose which pods go, and reclaim makes the queue
     * at-least-once, so an interrupted job is retried rather than lost.
     */
    private void annotate(Map<String, Integer> costs, Tick tick) {
        for (var e : costs.entrySet()) {
            String patch = io.kubernetes.client.openapi.JSON.serialize(
                    Map.of("metadata", Map.of("annotations", Map.of(DeletionCosts.ANNOTATION, String.valueOf(e.getValue())))));
            try {
                api.call(ApiCalls.PATCH_POD, ref.namespace() + "/" + e.getKey(), () -> PatchUtils.patch(V1Pod.class,
                        () -> api.core().patchNamespacedPod(e.getKey(), ref.namespace(), new V1Patch(patch)).buildCall(null),
                        V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, api.client()));
            } catch (SourceException failure) {
                tick.report(failure);
                LOG.warn("{}: could not set the deletion cost of pod {} before scaling down: {}", ref.id(), e.getKey(), failure.reason());
            }
        }
    }
}
