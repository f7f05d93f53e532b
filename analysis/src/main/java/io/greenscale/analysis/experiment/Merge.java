package io.greenscale.analysis.experiment;

import io.greenscale.loadgen.record.TimeseriesRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One timeseries.csv row per second of the run from its three witnesses: the load generator
 * (arrivals, sends, completions, errors, latency percentiles), the sampler (backlog and in-flight
 * as the queue holds them, jobs taken back from dead workers, CPU per worker) and the target's
 * event log (desired, ready, starting and terminating replicas at the end of the second). Seconds
 * past the workload's last whole second (the generator waiting for stragglers) are left out, so the run
 * covers what its simulated twin covers. Pure.
 */
final class Merge {
    private Merge() {}

    /**
     * @param start           the run's time 0 (the load generator's start)
     * @param seconds         the rows to write: the workload's whole seconds
     * @param cpuRequestMilli each worker's CPU request: utilisation is cores ÷ request
     */
    static List<TimeseriesRow> rows(List<TimeseriesRow> loadgen, List<Sample> samples, ReplicaTimeline timeline, Instant start,
                                    long seconds, long cpuRequestMilli) {
        Map<Long, Sample> bySecond = new HashMap<>();
        samples.forEach(s -> bySecond.put(s.second(), s));
        List<TimeseriesRow> out = new ArrayList<>();
        for (TimeseriesRow g : loadgen) {
            if (g.tS() >= seconds) {
                continue;
            }
            Sample s = bySecond.get(g.tS());
            Sample before = bySecond.get(g.tS() - 1);
            Instant end = start.plusSeconds(g.tS() + 1);
            ReplicaTimeline.Counts replicas = timeline.at(end);
            TimeseriesRow.Builder row = TimeseriesRow.builder(g.tS());
            set(g.arrivals(), row::arrivals);
            set(g.sent(), row::sent);
            set(g.completions(), row::completions);
            set(g.errors(), row::errors);
            set(g.dropped(), row::dropped);
            if (s != null) {
                row.backlog(s.backlog()).inFlight(s.inFlight());
                row.interrupted(before == null ? 0 : Math.max(0, s.reclaimed() - before.reclaimed()));
                Double cpu = readyCpu(s, timeline.states(end), cpuRequestMilli);
                if (cpu != null) {
                    row.cpu(cpu);
                }
            }
            row.desiredReplicas(replicas.desired()).readyReplicas(replicas.ready()).startingReplicas(replicas.starting())
                    .terminatingReplicas(replicas.terminating());
            row.latencyMillis(g.p50Ms(), g.p95Ms(), g.p99Ms());
            out.add(row.build());
        }
        return out;
    }

    /** Mean CPU of the ready workers as a fraction of their request, as the HPA and the simulator average it; null with none. */
    static Double readyCpu(Sample s, Map<String, ReplicaTimeline.State> states, long cpuRequestMilli) {
        double sum = 0;
        int n = 0;
        for (var e : s.coresByWorker().entrySet()) {
            if (states.get(e.getKey()) == ReplicaTimeline.State.READY) {
                sum += e.getValue() * 1000 / cpuRequestMilli;
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }

    private static void set(Long value, java.util.function.LongConsumer setter) {
        if (value != null) {
            setter.accept(value);
        }
    }
}
