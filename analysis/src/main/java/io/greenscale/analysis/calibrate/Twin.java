package io.greenscale.analysis.calibrate;

import io.greenscale.analysis.experiment.ExperimentWorkload;
import io.greenscale.analysis.run.RunData;
import io.greenscale.analysis.scenario.Runner;
import io.greenscale.analysis.scenario.Scenario;
import io.greenscale.analysis.scenario.WorkloadSource;
import io.greenscale.analysis.sim.ClusterModel;
import io.greenscale.policy.Policies;
import io.greenscale.policy.Policy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * An experiment's simulated twin: the same workload (resolved again from its source, with the same
 * scales, cut and seed, so the same arrivals), the same policy section, bounds, initial replicas
 * and SLO, on a given cluster model — under the same scenario and policy names, so the report pairs
 * the two in its fidelity section.
 */
public final class Twin {
    private Twin() {}

    public static RunData simulate(RunData real, ClusterModel model, Path outDir) {
        return Runner.run(plan(real, model), outDir, 1);
    }

    /**
     * The twin again under {@code draws} other draws of the cluster's noise (service times,
     * cold-start jitter), the arrivals unchanged, in memory: how far one real run may fall from its
     * twin by chance alone.
     */
    public static List<RunData> noiseDraws(RunData real, ClusterModel model, int draws) {
        Runner.Plan plan = plan(real, model);
        return LongStream.rangeClosed(1, draws)
                .mapToObj(k -> Runner.run(plan.withNoiseSeed(plan.seed() + k * 0x9E3779B97F4A7C15L), null, 1)).toList();
    }

    private static Runner.Plan plan(RunData real, ClusterModel model) {
        Map<String, Object> info = real.info();
        Map<String, Object> workload = child(info, "workload");
        Map<String, Object> scenario = child(info, "scenario");
        Map<String, Object> replicas = child(info, "replicas");
        ExperimentWorkload source = ExperimentWorkload.resolve(text(workload, "source"));
        WorkloadSource scaled = source.base().scaled(number(workload, "source_rate_scale"), number(workload, "source_time_scale"));
        Duration duration = Duration.ofMillis(Math.round(number(info, "duration_s") * 1000));
        Duration slo = Duration.ofMillis(Math.round(number(child(info, "slo"), "p95_ms")));
        int min = (int) number(replicas, "min");
        int max = (int) number(replicas, "max");
        int initial = (int) number(replicas, "initial");
        @SuppressWarnings("unchecked")
        Map<String, Object> section = (Map<String, Object>) child(info, "policy").get("settings");
        if (section == null) {
            throw new IllegalArgumentException(real.name() + "/run.json has no policy.settings: the policy the scaler ran is unknown");
        }
        Policy policy = Policies.fromMap(section, "policy");
        Scenario s = new Scenario(text(scenario, "name"), text(scenario, "title"), String.valueOf(scenario.getOrDefault("description", "")),
                model, scaled, duration, min, max, initial, slo, List.of());
        long seed = (long) number(info, "seed");
        return new Runner.Plan(s, policy.name(), policy, seed, Map.of());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> child(Map<String, Object> m, String key) {
        if (m.get(key) instanceof Map<?, ?> c) {
            return (Map<String, Object>) c;
        }
        throw new IllegalArgumentException("run.json has no " + key + " section");
    }

    static String text(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("run.json lacks " + key);
        }
        return String.valueOf(v);
    }

    static double number(Map<String, Object> m, String key) {
        if (m.get(key) instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("run.json lacks the number " + key);
    }
}
