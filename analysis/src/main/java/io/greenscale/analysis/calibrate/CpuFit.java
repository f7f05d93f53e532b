package io.greenscale.analysis.calibrate;

import io.greenscale.analysis.experiment.CpuRow;
import io.greenscale.loadgen.record.TimeseriesRow;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * What a worker's CPU does, for the simulator's resources model (what CPU-based HPAs see): cores
 * of a ready worker against its busy slots, by least squares over the seconds of the run
 * ({@code cpuIdle} the intercept, {@code cpuPerBusySlot} the slope, both at least 0), and the mean
 * cores of a starting worker ({@code cpuStartup}). Null where the run has no such seconds. Pure.
 *
 * @param readySeconds    worker-seconds of ready workers fitted
 * @param startingSeconds worker-seconds of starting workers averaged
 */
public record CpuFit(int readySeconds, Double idleCores, Double perBusySlotCores, int startingSeconds, Double startupCores) {

    /** @param seconds the run's timeseries: busy slots per ready worker = in-flight ÷ ready replicas of each second */
    public static CpuFit of(List<CpuRow> rows, List<TimeseriesRow> seconds) {
        Map<Long, Double> busyPerReady = new HashMap<>();
        for (TimeseriesRow r : seconds) {
            if (r.inFlight() != null && r.readyReplicas() != null && r.readyReplicas() > 0) {
                busyPerReady.put(r.tS(), r.inFlight() / (double) r.readyReplicas());
            }
        }
        SimpleRegression ready = new SimpleRegression();
        SummaryStatistics readyCores = new SummaryStatistics();
        SummaryStatistics starting = new SummaryStatistics();
        for (CpuRow c : rows) {
            if (c.state().equals("ready") && busyPerReady.containsKey(c.tS())) {
                ready.addData(busyPerReady.get(c.tS()), c.cores());
                readyCores.addValue(c.cores());
            } else if (c.state().equals("starting")) {
                starting.addValue(c.cores());
            }
        }
        Double idle = null;
        Double perSlot = null;
        if (ready.getN() >= 10) {
            // A falling or undefined slope (all seconds equally busy) says nothing about busy slots: the mean is then the idle use.
            boolean rises = !Double.isNaN(ready.getSlope()) && ready.getSlope() > 0;
            perSlot = rises ? ready.getSlope() : 0.0;
            idle = Math.max(0, rises ? ready.getIntercept() : readyCores.getMean());
        }
        Double startup = starting.getN() > 0 ? starting.getMean() : null;
        return new CpuFit((int) ready.getN(), idle, perSlot, (int) starting.getN(), startup);
    }

    public String describe() {
        return readySeconds < 10 ? "too few ready worker-seconds with CPU samples to fit CPU use (" + readySeconds + ")"
                : String.format(Locale.ROOT, "CPU of a ready worker: %.3f cores idle + %.3f per busy slot (%d worker-seconds)%s", idleCores,
                        perBusySlotCores, readySeconds, startupCores == null ? ""
                                : String.format(Locale.ROOT, "; starting: %.3f cores (%d worker-seconds)", startupCores, startingSeconds));
    }
}
