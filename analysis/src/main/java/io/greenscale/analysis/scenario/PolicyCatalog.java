package io.greenscale.analysis.scenario;

import io.greenscale.analysis.sim.FixedPolicy;
import io.greenscale.policy.Policy;
import io.greenscale.policy.core.GreenScaleConfigReader;
import io.greenscale.policy.core.GreenScalePolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policies {@code compare} runs, each configured from the scenario's {@link Deployment} facts
 * the way a user would set it up — and nothing else:
 * <ul>
 *   <li>{@code greenscale}: the documented defaults of {@code policy.yaml} plus the facts (bounds, SLO,
 *       per-replica rate, cold start, slots), CPU and GPU signals on, scale to zero where allowed;</li>
 *   <li>{@code always-max}: the cost ceiling, {@code maxReplicas} all the time.</li>
 * </ul>
 * The oracle needs the future and is built by the runner.
 */
public final class PolicyCatalog {
    public static final String ORACLE = "oracle";
    public static final String ALWAYS_MAX = "always-max";
    public static final String GREENSCALE = "greenscale";

    /** In report order. */
    public static final List<String> NAMES = List.of(GREENSCALE, ORACLE, ALWAYS_MAX);

    private PolicyCatalog() {}

    /** A built-in policy for the deployment; the oracle is not built here. */
    public static Policy create(String name, Deployment d) {
        return switch (name) {
            case GREENSCALE -> new GreenScalePolicy(GreenScaleConfigReader.parse(greenscaleSettings(d), "greenscale"));
            case ALWAYS_MAX -> new FixedPolicy(ALWAYS_MAX, d.maxReplicas());
            default -> throw new IllegalArgumentException("unknown policy \"" + name + "\"; built-in policies: " + String.join(", ", NAMES));
        };
    }

    /** Scale-down removes the least busy pods first for policies that set pod-deletion costs. */
    public static boolean busyAware(String name) {
        return name.equals(GREENSCALE) || name.equals(ORACLE);
    }

    /** GreenScale's settings for a deployment: the policy.yaml defaults plus the deployment's facts. */
    public static Map<String, Object> greenscaleSettings(Deployment d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("minReplicas", Math.max(1, d.minReplicas()));
        m.put("maxReplicas", d.maxReplicas());
        m.put("coldStart", d.timeToReady().toMillis() + "ms");
        m.put("concurrencyPerReplica", d.concurrency());
        m.put("queue", Map.of("perReplicaRate", d.perReplicaRate()));
        m.put("cpu", Map.of("target", 0.7));
        if (d.hasGpu()) {
            m.put("gpu", Map.of("target", 0.85));
        }
        m.put("latency", Map.of("slo", d.slo().toMillis() + "ms"));
        m.put("scaleToZero", Map.of("enabled", d.scalesToZero()));
        return m;
    }
}
