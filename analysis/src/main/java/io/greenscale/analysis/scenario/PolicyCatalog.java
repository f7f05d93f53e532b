package io.greenscale.analysis.scenario;

import io.greenscale.analysis.sim.FixedPolicy;
import io.greenscale.policy.Policy;
import io.greenscale.policy.hpa.HpaPresets;
import io.greenscale.policy.keda.KedaPresets;
import io.greenscale.policy.core.GreenScaleConfigReader;
import io.greenscale.policy.core.GreenScalePolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policies {@code compare} runs, each configured from the scenario's {@link Deployment} facts
 * the way a user would set it up — and nothing else:
 * <ul>
 *   <li>{@code greenscale}: the documented defaults of {@code policy.yaml} (queue, latency SLO and forecast;
 *       CPU and GPU off until a target is given) plus the facts: bounds, SLO, per-replica rate, cold start,
 *       slots, shared queue or load balancer, scale to zero where allowed;</li>
 *   <li>{@code hpa-cpu70}, {@code hpa-cpu90}: the HPA on CPU utilisation at 70 / 90 % of the request,
 *       no behavior (the legacy path most HPAs run), production controller constants;</li>
 *   <li>{@code hpa-gpu}: the HPA on the DCGM GPU duty cycle (a Pods metric through prometheus-adapter),
 *       target 80 %;</li>
 *   <li>{@code keda-queue}: KEDA's redis list scaler on the backlog, {@code listLength} = the jobs one
 *       replica completes in half the SLO, activation above 0, polling 30 s, cooldown 300 s,
 *       scale to zero where allowed;</li>
 *   <li>{@code always-max}: the cost ceiling, {@code maxReplicas} all the time.</li>
 * </ul>
 * The oracle needs the future and is built by the runner.
 */
public final class PolicyCatalog {
    public static final String ORACLE = "oracle";
    public static final String ALWAYS_MAX = "always-max";
    public static final String GREENSCALE = "greenscale";
    public static final String HPA_CPU70 = "hpa-cpu70";
    public static final String HPA_CPU90 = "hpa-cpu90";
    public static final String HPA_GPU = "hpa-gpu";
    public static final String KEDA_QUEUE = "keda-queue";

    /** In report order. */
    public static final List<String> NAMES = List.of(GREENSCALE, HPA_CPU70, HPA_CPU90, HPA_GPU, KEDA_QUEUE, ORACLE, ALWAYS_MAX);

    private PolicyCatalog() {}

    /** A built-in policy for the deployment; the oracle is not built here. */
    public static Policy create(String name, Deployment d) {
        return create(name, d, Map.of());
    }

    /**
     * @param greenscaleOverrides keys of a GreenScale policy section that replace the defaults (nested
     *                            sections merge key by key); the deployment's facts fill the rest
     */
    public static Policy create(String name, Deployment d, Map<String, ?> greenscaleOverrides) {
        return switch (name) {
            case GREENSCALE -> new GreenScalePolicy(GreenScaleConfigReader.parse(
                    merge(greenscaleSettings(d), greenscaleOverrides), "greenscale"));
            case HPA_CPU70 -> HpaPresets.cpu70(Math.max(1, d.minReplicas()), d.maxReplicas());
            case HPA_CPU90 -> HpaPresets.cpu90(Math.max(1, d.minReplicas()), d.maxReplicas());
            case HPA_GPU -> HpaPresets.gpu(Math.max(1, d.minReplicas()), d.maxReplicas(), 80);
            case KEDA_QUEUE -> KedaPresets.queue(d.minReplicas(), d.maxReplicas(), kedaListLength(d));
            case ALWAYS_MAX -> new FixedPolicy(ALWAYS_MAX, d.maxReplicas());
            default -> throw new IllegalArgumentException("unknown policy \"" + name + "\"; built-in policies: " + String.join(", ", NAMES));
        };
    }

    /**
     * Where a run starts: the scenario's initial count, but never below what the policy allows (an
     * HPA cannot be at zero without being paused), and the cost ceiling starts at its ceiling.
     */
    public static int initialReplicas(String name, Scenario s) {
        return switch (name) {
            case ALWAYS_MAX -> s.maxReplicas();
            case HPA_CPU70, HPA_CPU90, HPA_GPU -> Math.max(1, Math.max(s.minReplicas(), s.initialReplicas()));
            case GREENSCALE -> s.scalesToZero() ? s.initialReplicas() : Math.max(1, s.initialReplicas());
            default -> s.initialReplicas();
        };
    }

    /** KEDA's {@code listLength}: waiting jobs per replica — what one replica completes in half the SLO. */
    public static long kedaListLength(Deployment d) {
        return Math.max(1, Math.round(d.perReplicaRate() * d.slo().toMillis() / 1000.0 / 2));
    }

    /** Scale-down removes the least busy pods first for policies that set pod-deletion costs. */
    public static boolean busyAware(String name) {
        return name.equals(GREENSCALE) || name.equals(ORACLE);
    }

    /** {@code base} with {@code overrides} on top; nested maps merge key by key. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, ?> base, Map<String, ?> overrides) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        overrides.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m && out.get(k) instanceof Map<?, ?> b) {
                out.put(k, merge((Map<String, ?>) b, (Map<String, ?>) m));
            } else {
                out.put(k, v);
            }
        });
        return out;
    }

    /** GreenScale's settings for a deployment: the policy.yaml defaults plus the deployment's facts. */
    public static Map<String, Object> greenscaleSettings(Deployment d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("minReplicas", Math.max(1, d.minReplicas()));
        m.put("maxReplicas", d.maxReplicas());
        m.put("coldStart", d.timeToReady().toMillis() + "ms");
        m.put("concurrencyPerReplica", d.concurrency());
        m.put("queue", Map.of("perReplicaRate", d.perReplicaRate(), "sharedQueue", d.sharedQueue()));
        m.put("latency", Map.of("slo", d.slo().toMillis() + "ms"));
        m.put("scaleToZero", Map.of("enabled", d.scalesToZero()));
        return m;
    }
}
