package io.greenscale.analysis.experiment;

import io.greenscale.analysis.scenario.Deployment;
import io.greenscale.analysis.scenario.PolicyCatalog;
import io.greenscale.policy.hpa.HpaPresets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scaler-configuration {@code policy:} section of each built-in policy, set up from the
 * deployment's facts exactly as {@link PolicyCatalog} builds it for the simulator, so that the real
 * scaler and the simulated cluster run the same decision code with the same settings. Pure.
 */
final class PolicySections {
    private PolicySections() {}

    static Map<String, Object> of(String name, Deployment d) {
        int hpaMin = Math.max(1, d.minReplicas());
        return switch (name) {
            case PolicyCatalog.GREENSCALE -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("type", "greenscale");
                m.put("name", PolicyCatalog.GREENSCALE);
                m.putAll(PolicyCatalog.greenscaleSettings(d));
                yield m;
            }
            case PolicyCatalog.HPA_CPU70 -> hpa(name, hpaMin, d.maxReplicas(), cpu(70));
            case PolicyCatalog.HPA_CPU90 -> hpa(name, hpaMin, d.maxReplicas(), cpu(90));
            case PolicyCatalog.HPA_GPU -> hpa(name, hpaMin, d.maxReplicas(), Map.of("type", "Pods", "pods", Map.of(
                    "metric", Map.of("name", HpaPresets.GPU_METRIC),
                    "target", Map.of("type", "AverageValue", "averageValue", "80"))));
            case PolicyCatalog.KEDA_QUEUE -> keda(d);
            default -> throw new IllegalArgumentException("no scaler section for policy \"" + name + "\"; the local experiment runs "
                    + String.join(", ", NAMES) + " or a policy file");
        };
    }

    /** The built-in policies a real scaler can run (the oracle needs the future, always-max needs no scaler). */
    static final List<String> NAMES = List.of(PolicyCatalog.GREENSCALE, PolicyCatalog.HPA_CPU70, PolicyCatalog.HPA_CPU90,
            PolicyCatalog.HPA_GPU, PolicyCatalog.KEDA_QUEUE);

    private static Map<String, Object> cpu(int percent) {
        return Map.of("type", "Resource", "resource", Map.of("name", "cpu", "target", Map.of("type", "Utilization", "averageUtilization", percent)));
    }

    private static Map<String, Object> hpa(String name, int min, int max, Map<String, Object> metric) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "hpa");
        m.put("name", name);
        m.put("minReplicas", min);
        m.put("maxReplicas", max);
        m.put("metrics", List.of(metric));
        return m;
    }

    /** KEDA's redis list scaler reads the {@code queue} signal (the backlog the scaler polls from Redis each tick). */
    private static Map<String, Object> keda(Deployment d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "keda");
        m.put("name", PolicyCatalog.KEDA_QUEUE);
        m.put("pollingInterval", "30s");
        m.put("cooldownPeriod", "300s");
        m.put("minReplicaCount", d.minReplicas());
        m.put("maxReplicaCount", d.maxReplicas());
        m.put("triggers", List.of(Map.of("type", "redis", "metadata", Map.of(
                "listName", "queue", "listLength", Long.toString(PolicyCatalog.kedaListLength(d)), "activationListLength", "0"))));
        return m;
    }
}
