package io.greenscale.daemon.observe;

import io.greenscale.daemon.config.TargetRef;
import io.greenscale.daemon.kube.ApiCalls;
import io.greenscale.daemon.kube.KubeApi;
import io.greenscale.daemon.signal.FailureSink;
import io.greenscale.daemon.signal.SourceException;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1EventSource;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import java.time.Instant;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core/v1 Events on the scaled workload, so {@code kubectl describe deployment} shows what
 * GreenScale did and why. A failed Event is counted and logged, never fatal.
 */
public final class KubeEvents implements EventSink {
    private static final Logger LOG = LoggerFactory.getLogger(KubeEvents.class);
    /** The API rejects longer messages. */
    private static final int MAX_MESSAGE = 1024;

    private final KubeApi api;
    private final String instance;
    private final FailureSink failures;

    /** @param instance this process's identity (the pod name), shown as the reporting instance */
    public KubeEvents(KubeApi api, String instance, FailureSink failures) {
        this.api = api;
        this.instance = instance;
        this.failures = failures;
    }

    @Override
    public void emit(TargetRef about, boolean warning, String reason, String message, Instant now) {
        var time = now.atOffset(ZoneOffset.UTC);
        CoreV1Event event = new CoreV1Event()
                .metadata(new V1ObjectMeta().generateName(about.name() + ".").namespace(about.namespace()))
                .involvedObject(new V1ObjectReference().apiVersion(about.apiVersion()).kind(about.kind())
                        .name(about.name()).namespace(about.namespace()))
                .type(warning ? "Warning" : "Normal")
                .reason(reason)
                .message(message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE - 1) + "…" : message)
                .firstTimestamp(time)
                .lastTimestamp(time)
                .count(1)
                .source(new V1EventSource().component("greenscale-scaler"))
                .reportingComponent("greenscale.io/scaler")
                .reportingInstance(instance);
        try {
            api.call(ApiCalls.CREATE_EVENT, about.id() + " " + reason,
                    () -> api.core().createNamespacedEvent(about.namespace(), event).execute());
        } catch (SourceException e) {
            failures.failed(e);
            LOG.warn("{}: could not record Event {}: {}", about.id(), reason, e.reason());
        }
    }
}
