package io.greenscale.analysis.scenario;

import io.greenscale.analysis.run.RunData;
import io.greenscale.analysis.sim.OraclePolicy;
import io.greenscale.analysis.sim.Simulation;
import io.greenscale.loadgen.record.JsonLines;
import io.greenscale.loadgen.record.LatencyLog;
import io.greenscale.loadgen.record.RunDirectory;
import io.greenscale.loadgen.record.RunInfo;
import io.greenscale.loadgen.record.TimeseriesCsv;
import io.greenscale.loadgen.record.TimeseriesRow;
import io.greenscale.policy.DecisionRecord;
import io.greenscale.policy.Policy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Runs one scenario × policy × seed in the simulator and, given a directory, writes its run directory. */
public final class Runner {
    /**
     * What to run; {@code policy} is a built-in name, or an explicit policy with its own name.
     * {@code seed} draws the arrivals and, unless {@code noiseSeed} is given, the cluster's noise
     * (service times, cold-start jitter, random dispatch); a separate {@code noiseSeed} replays the
     * same arrivals under other noise.
     */
    public record Plan(Scenario scenario, String policyName, Policy policy, long seed, Long noiseSeed, Map<String, ?> greenscaleOverrides) {
        public Plan(Scenario scenario, String policyName, Policy policy, long seed, Map<String, ?> greenscaleOverrides) {
            this(scenario, policyName, policy, seed, null, greenscaleOverrides);
        }

        public static Plan of(Scenario scenario, String policyName, long seed) {
            return new Plan(scenario, policyName, null, seed, Map.of());
        }

        public Plan withGreenscaleOverrides(Map<String, ?> overrides) {
            return new Plan(scenario, policyName, policy, seed, noiseSeed, overrides);
        }

        public Plan withNoiseSeed(long noise) {
            return new Plan(scenario, policyName, policy, seed, noise, greenscaleOverrides);
        }

        String label() {
            return policyName + "-seed" + seed;
        }
    }

    private Runner() {}

    /**
     * @param runDir          where to write the run directory, or null to keep it in memory only
     * @param intervalSeconds latency-log interval
     */
    public static RunData run(Plan plan, Path runDir, int intervalSeconds) {
        Scenario s = plan.scenario();
        Deployment d = Deployment.of(s);
        Policy policy = plan.policy() != null ? plan.policy() : build(plan, d);
        Map<String, Object> info = runInfo(plan, policy, d);
        RunDirectory dir = runDir == null ? null : RunDirectory.create(runDir);
        LatencyLog log = dir == null ? null : dir.createLatencyLog(Simulation.EPOCH);
        try {
            Simulation.LatencyIntervals intervals = log == null ? null : new Simulation.LatencyIntervals() {
                @Override
                public int seconds() {
                    return intervalSeconds;
                }

                @Override
                public void interval(Histogram latencyMicros, double startSeconds, double endSeconds) {
                    log.append(latencyMicros, startSeconds, endSeconds);
                }
            };
            Simulation.Result r = Simulation.run(new Simulation.Setup(s.name() + "/" + plan.label(), info, s.cluster(),
                    s.arrivals(plan.seed()), s.duration(), PolicyCatalog.initialReplicas(plan.policyName(), s), policy,
                    PolicyCatalog.busyAware(plan.policyName()), plan.noiseSeed() != null ? plan.noiseSeed() : plan.seed(), true, intervals));
            if (dir != null) {
                dir.writeRunInfo(toRunInfo(info));
                try (TimeseriesCsv csv = dir.createTimeseries()) {
                    for (TimeseriesRow row : r.run().seconds()) {
                        csv.write(row);
                    }
                }
                try (JsonLines lines = dir.createDecisions()) {
                    for (DecisionRecord rec : r.run().decisions()) {
                        lines.write(rec);
                    }
                }
            }
            return r.run();
        } finally {
            if (log != null) {
                log.close();
            }
        }
    }

    private static Policy build(Plan plan, Deployment d) {
        Scenario s = plan.scenario();
        if (plan.policyName().equals(PolicyCatalog.ORACLE)) {
            return OraclePolicy.forRun(s.cluster(), s.arrivals(plan.seed()), s.duration(), s.slo(),
                    d.minReplicas(), d.maxReplicas(), plan.seed());
        }
        return PolicyCatalog.create(plan.policyName(), d, plan.greenscaleOverrides());
    }

    static Map<String, Object> runInfo(Plan plan, Policy policy, Deployment d) {
        Scenario s = plan.scenario();
        List<Map<String, Object>> events = new ArrayList<>();
        for (Scenario.Event e : s.events()) {
            events.add(Map.of("t_s", e.at().toMillis() / 1000.0, "kind", e.kind()));
        }
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("gpus_per_replica", s.cluster().resources().gpusPerReplica());
        cost.put("price_per_gpu_hour", s.cluster().cost().pricePerGpuHour());
        cost.put("price_per_replica_hour", s.cluster().replicaHourPrice());
        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("name", s.name());
        scenario.put("title", s.title());
        scenario.put("description", s.description());
        Map<String, Object> policyInfo = new LinkedHashMap<>();
        policyInfo.put("name", plan.policyName());
        policyInfo.put("sync_period_s", policy.syncPeriod().toSeconds());
        if (plan.policyName().equals(PolicyCatalog.GREENSCALE)) {
            policyInfo.put("settings", PolicyCatalog.merge(PolicyCatalog.greenscaleSettings(d), plan.greenscaleOverrides()));
        }
        RunInfo info = RunInfo.of(RunInfo.Kind.SIMULATION, Simulation.EPOCH)
                .seed(plan.seed())
                .workload(s.workload().spec())
                .policy(policyInfo)
                .sloP95Millis(s.slo().toMillis())
                .duration(s.duration())
                .put("scenario", scenario)
                .put("cost", cost)
                .put("events", events)
                .put("replicas", Map.of("min", s.minReplicas(), "max", s.maxReplicas(), "initial", s.initialReplicas()))
                .put("deployment", Map.of("per_replica_rate", d.perReplicaRate(), "concurrency", d.concurrency(),
                        "time_to_ready_s", d.timeToReady().toMillis() / 1000.0));
        return info.asMap();
    }

    private static RunInfo toRunInfo(Map<String, Object> map) {
        RunInfo info = RunInfo.of(RunInfo.Kind.SIMULATION, Simulation.EPOCH);
        map.forEach(info::put);
        return info;
    }
}
