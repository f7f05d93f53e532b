package io.greenscale.analysis.compute;

import io.greenscale.loadgen.record.TimeseriesRow;
import java.util.List;

/**
 * What a run held and what it cost. A pod holds its GPU from creation to termination, so starting
 * and terminating replicas are billed like ready ones.
 *
 * @param replicaSeconds Σ over seconds of ready + starting + terminating replicas; null when none was recorded
 * @param gpuHours       replica-seconds × GPUs per replica / 3600
 * @param cost           replica-hours × price per replica-hour where run.json gives one (it prices
 *                       a replica whole, e.g. a CPU-only service), else GPU-hours × price per GPU-hour
 */
record Usage(Double replicaSeconds, Double gpuHours, Double cost) {
    private static final double SECONDS_PER_HOUR = 3600.0;

    static Usage of(List<TimeseriesRow> seconds, Double gpusPerReplica, Double pricePerGpuHour, Double pricePerReplicaHour) {
        double total = 0;
        boolean any = false;
        for (TimeseriesRow r : seconds) {
            Integer held = Replicas.held(r);
            if (held != null) {
                any = true;
                total += held;
            }
        }
        if (!any) {
            return new Usage(null, null, null);
        }
        Double gpuHours = gpusPerReplica == null ? null : total * gpusPerReplica / SECONDS_PER_HOUR;
        Double cost = null;
        if (pricePerReplicaHour != null) {
            cost = total / SECONDS_PER_HOUR * pricePerReplicaHour;
        } else if (gpuHours != null && pricePerGpuHour != null) {
            cost = gpuHours * pricePerGpuHour;
        }
        return new Usage(total, gpuHours, cost);
    }
}
