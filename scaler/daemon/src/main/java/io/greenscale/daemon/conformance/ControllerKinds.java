package io.greenscale.daemon.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenscale.policy.hpa.controller.Condition;
import io.greenscale.policy.hpa.controller.ControllerInput;
import io.greenscale.policy.hpa.controller.ControllerState;
import io.greenscale.policy.hpa.controller.HpaController;
import io.greenscale.policy.hpa.controller.ReconcileResult;
import io.greenscale.policy.hpa.spec.HpaSpec;
import io.greenscale.policy.signal.PodSnapshot;
import io.greenscale.policy.signal.PodSnapshot.MetricSample;
import io.greenscale.policy.signal.PodSnapshot.Phase;
import io.greenscale.policy.signal.PodSnapshot.ReadyCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code controller.reconcile} (one {@code reconcileAutoscaler}) and {@code controller.sequence} (repeated syncs). */
final class ControllerKinds {
    private ControllerKinds() {}

    static void register(Map<String, KindRunner> kinds) {
        kinds.put("controller.reconcile", ControllerKinds::reconcile);
        kinds.put("controller.sequence", ControllerKinds::sequence);
    }

    private static ObjectNode reconcile(Vector v) {
        JsonNode in = v.input();
        JsonNode hpa = Fields.requiredObject(in, "input", "hpa");
        HpaSpec spec = HpaJson.spec(hpa, "input.hpa");
        JsonNode scale = Fields.requiredObject(in, "input", "scale");
        int specReplicas = Fields.requiredInt(scale, "input.scale", "specReplicas");
        int statusReplicas = Fields.intOr(scale, "input.scale", "statusReplicas", specReplicas);
        List<PodSnapshot> pods = PodJson.pods(Fields.arrayOrEmpty(in, "input", "pods"), "input.pods", "cpu");
        VectorMetrics metrics = new VectorMetrics(pods, unmatched(in), objects(in), externals(in));
        JsonNode history = Fields.objectOrNull(in, "input", "history");
        ControllerState state = new ControllerState(
                HpaJson.recommendationsOrNull(history, "input.history", "recommendations"),
                HpaJson.events(history, "input.history", "scaleUpEvents"),
                HpaJson.events(history, "input.history", "scaleDownEvents"),
                HpaJson.conditions(Fields.get(hpa, "conditions"), "input.hpa.conditions"));
        HpaController controller = new HpaController(ConfigJson.hpaConfig(v.config()));
        ReconcileResult r = controller.reconcile(spec, new ControllerInput(specReplicas, statusReplicas, pods, metrics), state, TimeBase.NOW);

        ObjectNode out = ReplicaKinds.object()
                .put("desiredReplicas", r.desiredReplicas())
                .put("rescale", r.rescale())
                .put("reconcileError", r.reconcileError());
        ObjectNode conditions = out.putObject("conditions");
        for (Map.Entry<String, Condition> c : r.conditions().byType().entrySet()) {
            conditions.putObject(c.getKey()).put("status", c.getValue().statusText()).put("reason", c.getValue().reason());
        }
        return out;
    }

    /**
     * Each step: {@code current} pods {@code pod-0…}, Running and Ready since FAR_PAST, each with the
     * CPU request and a CPU sample taken at {@code t} over 60 s; the scale's spec and status are the
     * current count; history carries over; the next step starts from this step's desired count.
     */
    private static ObjectNode sequence(Vector v) {
        JsonNode in = v.input();
        HpaSpec spec = HpaJson.spec(Fields.requiredObject(in, "input", "hpa"), "input.hpa");
        int current = Fields.requiredInt(in, "input", "initialReplicas");
        long request = Fields.requiredLong(in, "input", "cpuRequestMilliPerPod");
        JsonNode steps = Fields.requiredArray(in, "input", "steps");
        HpaController controller = new HpaController(ConfigJson.hpaConfig(v.config()));
        ControllerState state = ControllerState.FRESH;
        ObjectNode out = ReplicaKinds.object();
        ArrayNode desired = out.putArray("desiredReplicasPerStep");
        Instant farPast = TimeBase.at(TimeBase.FAR_PAST_SECONDS);
        for (int i = 0; i < steps.size(); i++) {
            String path = "input.steps[" + i + "]";
            double t = Fields.doubleOr(steps.get(i), path, "t", Double.NaN);
            if (Double.isNaN(t)) {
                throw new VectorFormatException(path + ".t", "is required (seconds)");
            }
            long usage = Fields.requiredLong(steps.get(i), path, "cpuUsageMilliPerPod");
            Instant now = TimeBase.at(t);
            List<PodSnapshot> pods = new ArrayList<>();
            for (int p = 0; p < current; p++) {
                pods.add(new PodSnapshot("pod-" + p, Phase.RUNNING, false, farPast, new ReadyCondition(true, farPast),
                        Map.of("cpu", request), Map.of("cpu", new MetricSample(usage, now, Duration.ofSeconds(60)))));
            }
            VectorMetrics metrics = new VectorMetrics(pods, Map.of(), Map.of(), Map.of());
            ReconcileResult r = controller.reconcile(spec, new ControllerInput(current, current, pods, metrics), state, now);
            state = r.next();
            current = r.desiredReplicas();
            desired.add(current);
        }
        return out;
    }

    private static Map<String, Map<String, MetricSample>> unmatched(JsonNode in) {
        JsonNode u = Fields.objectOrNull(in, "input", "unmatchedResourceMetrics");
        Map<String, Map<String, MetricSample>> byResource = new HashMap<>();
        if (u != null) {
            u.fieldNames().forEachRemaining(resource -> byResource.put(resource,
                    PodJson.samples(List.of(), resource, Fields.arrayOrEmpty(u, "input.unmatchedResourceMetrics", resource),
                            "input.unmatchedResourceMetrics." + resource)));
        }
        return byResource;
    }

    private static Map<String, Long> objects(JsonNode in) {
        JsonNode o = Fields.objectOrNull(in, "input", "objectMetrics");
        Map<String, Long> values = new HashMap<>();
        if (o != null) {
            o.fieldNames().forEachRemaining(name -> {
                Long value = Fields.optionalLong(o, "input.objectMetrics", name);
                if (value != null) {
                    values.put(name, value);
                }
            });
        }
        return values;
    }

    private static Map<String, List<Long>> externals(JsonNode in) {
        JsonNode e = Fields.objectOrNull(in, "input", "externalMetrics");
        Map<String, List<Long>> values = new LinkedHashMap<>();
        if (e != null) {
            e.fieldNames().forEachRemaining(name -> {
                JsonNode list = Fields.get(e, name);
                if (list != null) {
                    JsonNode a = Fields.requiredArray(e, "input.externalMetrics", name);
                    List<Long> series = new ArrayList<>();
                    for (int i = 0; i < a.size(); i++) {
                        series.add(Fields.asLong(a.get(i), "input.externalMetrics." + name + "[" + i + "]"));
                    }
                    values.put(name, series);
                }
            });
        }
        return values;
    }
}
