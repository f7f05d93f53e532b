package io.greenscale.analysis.calibrate;

import io.greenscale.analysis.experiment.WorkerEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * The pod lifecycle observed in a run's worker event log: the scheduling delay (a scale-up decision
 * to its workers' spawn) and the cold start (a worker's spawn to its readiness: the JVM's start,
 * the app's warm-up and its model-load delay). Medians, as the simulator takes one value for each,
 * and the spread around the cold start as its uniform jitter. Pure.
 *
 * @param starts          workers that became ready
 * @param coldStartSeconds median spawn → ready
 * @param jitter          half the observed range over the median, within [0, 0.9]: the simulator draws uniformly in ± this
 * @param schedulingSeconds median decision → spawn over the scale-ups; 0 when there was none
 */
public record ColdStartFit(int starts, double coldStartSeconds, double minSeconds, double maxSeconds, double jitter, int scaleUps,
                           double schedulingSeconds) {

    public static ColdStartFit of(List<WorkerEvent> events) {
        Map<String, Instant> spawned = new HashMap<>();
        List<Double> coldStarts = new ArrayList<>();
        List<Double> scheduling = new ArrayList<>();
        Instant pendingDecision = null;
        int ups = 0;
        for (WorkerEvent e : events) {
            switch (e.event()) {
                case "scale" -> {
                    boolean up = e.from() != null && e.to() != null && e.to() > e.from() && e.decidedAt() != null;
                    pendingDecision = up ? e.decidedAt() : null;
                    ups += up ? 1 : 0;
                }
                case "spawn" -> {
                    spawned.put(e.worker(), e.time());
                    if (pendingDecision != null) {
                        scheduling.add(seconds(pendingDecision, e.time()));
                    }
                }
                case "ready" -> {
                    Instant at = spawned.remove(e.worker());
                    if (at != null) {
                        coldStarts.add(seconds(at, e.time()));
                    }
                }
                default -> { }
            }
        }
        if (coldStarts.isEmpty()) {
            throw new IllegalArgumentException("no worker became ready in the event log, so there is no cold start to measure");
        }
        DescriptiveStatistics c = new DescriptiveStatistics(coldStarts.stream().mapToDouble(Double::doubleValue).toArray());
        double median = c.getPercentile(50);
        double jitter = median <= 0 ? 0 : Math.min(0.9, (c.getMax() - c.getMin()) / 2 / median);
        double sched = scheduling.isEmpty() ? 0
                : new DescriptiveStatistics(scheduling.stream().mapToDouble(Double::doubleValue).toArray()).getPercentile(50);
        return new ColdStartFit(coldStarts.size(), median, c.getMin(), c.getMax(), jitter, ups, Math.max(0, sched));
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    public String describe() {
        return String.format(Locale.ROOT, "%d worker start(s): spawn → ready median %.1f s (%.1f–%.1f s, jitter ±%.0f %%); %d scale-up(s): decision → spawn median %.2f s",
                starts, coldStartSeconds, minSeconds, maxSeconds, jitter * 100, scaleUps, schedulingSeconds);
    }
}
