package io.greenscale.daemon.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenscale.policy.hpa.calc.PodGroups;
import io.greenscale.policy.hpa.calc.PodGrouping;
import io.greenscale.policy.signal.PodSnapshot;
import io.greenscale.policy.signal.PodSnapshot.MetricSample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code podGrouping} ({@code replica_calculator.go: groupPods}): each pod carries a single {@code metric} sample, or null for none. */
final class GroupingKind {
    private GroupingKind() {}

    static void register(Map<String, KindRunner> kinds) {
        kinds.put("podGrouping", GroupingKind::run);
    }

    private static ObjectNode run(Vector v) {
        JsonNode in = v.input();
        String resource = Fields.textOr(in, "input", "resource", "cpu");
        JsonNode array = Fields.requiredArray(in, "input", "pods");
        List<PodSnapshot> pods = new ArrayList<>();
        Map<String, MetricSample> samples = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "input.pods[" + i + "]";
            PodSnapshot pod = PodJson.pod(array.get(i), path, resource);
            pods.add(pod);
            JsonNode metric = Fields.get(array.get(i), "metric");
            if (metric != null) {
                samples.put(pod.name(), PodJson.sample(metric, path + ".metric", false));
            } else if (!array.get(i).has("metric") && pod.metrics().containsKey(resource)) {
                samples.put(pod.name(), pod.metrics().get(resource));
            }
        }
        PodGroups g = PodGrouping.group(pods, samples, resource, ConfigJson.grouping(v.config()), TimeBase.NOW);
        ObjectNode out = ReplicaKinds.object().put("readyCount", g.readyCount());
        out.set("unready", names(out, g.unready()));
        out.set("missing", names(out, g.missing()));
        out.set("ignored", names(out, g.ignored()));
        return out;
    }

    private static ArrayNode names(ObjectNode factory, Set<String> sorted) {
        ArrayNode a = factory.arrayNode();
        sorted.forEach(a::add);
        return a;
    }
}
