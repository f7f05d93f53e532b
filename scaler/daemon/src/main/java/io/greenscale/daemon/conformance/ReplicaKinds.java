package io.greenscale.daemon.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenscale.policy.hpa.calc.CalculationException;
import io.greenscale.policy.hpa.calc.ObjectExternalReplicas;
import io.greenscale.policy.hpa.calc.ReplicaCalculator;
import io.greenscale.policy.hpa.calc.ResourceProposal;
import io.greenscale.policy.hpa.calc.Tolerances;
import io.greenscale.policy.hpa.calc.UsageProposal;
import io.greenscale.policy.signal.PodSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code replica.*} kinds: one upstream replica calculator each ({@code replica_calculator.go: Get…Replicas}). */
final class ReplicaKinds {
    private ReplicaKinds() {}

    static void register(Map<String, KindRunner> kinds) {
        kinds.put("replica.resourceUtilization", ReplicaKinds::resourceUtilization);
        kinds.put("replica.resourceAverageValue", ReplicaKinds::resourceAverageValue);
        kinds.put("replica.podsAverageValue", ReplicaKinds::podsAverageValue);
        kinds.put("replica.objectValue", ReplicaKinds::objectValue);
        kinds.put("replica.objectAverageValue", ReplicaKinds::objectAverageValue);
        kinds.put("replica.externalValue", ReplicaKinds::externalValue);
        kinds.put("replica.externalAverageValue", ReplicaKinds::externalAverageValue);
    }

    private static ReplicaCalculator calculator(Vector v) {
        return new ReplicaCalculator(ConfigJson.grouping(v.config()), ConfigJson.hpaConfig(v.config()).revision().missingPodsAtTargetAboveHundred());
    }

    private static ObjectNode resourceUtilization(Vector v) {
        JsonNode in = v.input();
        String resource = Fields.textOr(in, "input", "resource", "cpu");
        List<PodSnapshot> pods = PodJson.pods(Fields.requiredArray(in, "input", "pods"), "input.pods", resource);
        int current = Fields.requiredInt(in, "input", "currentReplicas");
        int target = positive(Fields.requiredInt(in, "input", "targetAverageUtilization"), "input.targetAverageUtilization");
        ReplicaCalculator calc = calculator(v);
        Tolerances tolerances = ConfigJson.tolerances(v.config());
        try {
            ResourceProposal p = calc.resourceUtilization(current, target, resource, tolerances, pods,
                    PodJson.samples(pods, resource, Fields.arrayOrEmpty(in, "input", "unmatchedMetrics"), "input.unmatchedMetrics"), TimeBase.NOW);
            return object().put("replicas", p.replicas()).put("utilization", p.utilization()).put("rawAverageMilli", p.rawAverageMilli());
        } catch (CalculationException e) {
            return error(e);
        }
    }

    private static ObjectNode resourceAverageValue(Vector v) {
        JsonNode in = v.input();
        String resource = Fields.textOr(in, "input", "resource", "cpu");
        List<PodSnapshot> pods = PodJson.pods(Fields.requiredArray(in, "input", "pods"), "input.pods", resource);
        int current = Fields.requiredInt(in, "input", "currentReplicas");
        long target = positive(Fields.requiredLong(in, "input", "targetAverageValueMilli"), "input.targetAverageValueMilli");
        try {
            UsageProposal p = calculator(v).resourceAverageValue(current, target, resource, ConfigJson.tolerances(v.config()), pods,
                    PodJson.samples(pods, resource, Fields.arrayOrEmpty(in, "input", "unmatchedMetrics"), "input.unmatchedMetrics"), TimeBase.NOW);
            return usage(p);
        } catch (CalculationException e) {
            return error(e);
        }
    }

    private static ObjectNode podsAverageValue(Vector v) {
        JsonNode in = v.input();
        String metric = Fields.requiredText(in, "input", "metric");
        List<PodSnapshot> pods = PodJson.pods(Fields.requiredArray(in, "input", "pods"), "input.pods", null);
        int current = Fields.requiredInt(in, "input", "currentReplicas");
        long target = positive(Fields.requiredLong(in, "input", "targetAverageValueMilli"), "input.targetAverageValueMilli");
        try {
            UsageProposal p = calculator(v).podsMetric(current, target, metric, ConfigJson.tolerances(v.config()), pods,
                    PodJson.samples(pods, metric, Fields.arrayOrEmpty(in, "input", "unmatchedMetrics"), "input.unmatchedMetrics"), TimeBase.NOW);
            return usage(p);
        } catch (CalculationException e) {
            return error(e);
        }
    }

    private static ObjectNode objectValue(Vector v) {
        JsonNode in = v.input();
        List<PodSnapshot> pods = PodJson.pods(Fields.arrayOrEmpty(in, "input", "pods"), "input.pods", null);
        try {
            return usage(ObjectExternalReplicas.objectValue(Fields.requiredInt(in, "input", "currentReplicas"),
                    Fields.requiredLong(in, "input", "metricValueMilli"),
                    positive(Fields.requiredLong(in, "input", "targetValueMilli"), "input.targetValueMilli"),
                    ConfigJson.tolerances(v.config()), pods));
        } catch (CalculationException e) {
            return error(e);
        }
    }

    private static ObjectNode objectAverageValue(Vector v) {
        JsonNode in = v.input();
        return usage(ObjectExternalReplicas.objectAverageValue(Fields.requiredInt(in, "input", "statusReplicas"),
                Fields.requiredLong(in, "input", "metricValueMilli"),
                positive(Fields.requiredLong(in, "input", "targetAverageValueMilli"), "input.targetAverageValueMilli"),
                ConfigJson.tolerances(v.config())));
    }

    private static ObjectNode externalValue(Vector v) {
        JsonNode in = v.input();
        List<PodSnapshot> pods = PodJson.pods(Fields.arrayOrEmpty(in, "input", "pods"), "input.pods", null);
        try {
            return usage(ObjectExternalReplicas.externalValue(Fields.requiredInt(in, "input", "currentReplicas"), values(in),
                    positive(Fields.requiredLong(in, "input", "targetValueMilli"), "input.targetValueMilli"),
                    ConfigJson.tolerances(v.config()), pods));
        } catch (CalculationException e) {
            return error(e);
        }
    }

    private static ObjectNode externalAverageValue(Vector v) {
        JsonNode in = v.input();
        try {
            return usage(ObjectExternalReplicas.externalAverageValue(Fields.requiredInt(in, "input", "statusReplicas"), values(in),
                    positive(Fields.requiredLong(in, "input", "targetAverageValueMilli"), "input.targetAverageValueMilli"),
                    ConfigJson.tolerances(v.config())));
        } catch (CalculationException e) {
            return error(e);
        }
    }

    private static List<Long> values(JsonNode in) {
        JsonNode a = Fields.requiredArray(in, "input", "metricValuesMilli");
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            values.add(Fields.asLong(a.get(i), "input.metricValuesMilli[" + i + "]"));
        }
        return values;
    }

    private static ObjectNode usage(UsageProposal p) {
        return object().put("replicas", p.replicas()).put("usageMilli", p.usageMilli());
    }

    static ObjectNode error(CalculationException e) {
        return object().put("error", e.getMessage());
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    private static int positive(int value, String path) {
        if (value <= 0) {
            throw new VectorFormatException(path, "must be > 0, got " + value);
        }
        return value;
    }

    private static long positive(long value, String path) {
        if (value <= 0) {
            throw new VectorFormatException(path, "must be > 0, got " + value);
        }
        return value;
    }
}
