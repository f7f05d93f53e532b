package io.greenscale.loadgen.drive;

import io.greenscale.loadgen.record.LatencyLog;
import io.greenscale.loadgen.record.TimeseriesCsv;
import io.greenscale.loadgen.record.TimeseriesRow;
import java.io.PrintStream;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * Once a second: closes the second that just ended — a timeseries row, a latency-log interval and
 * a progress line — and keeps run totals of every histogram. Each second is closed 50 ms after
 * it ends, so that completions stamped just before the boundary are in its row.
 */
final class Reporter {
    private static final long GRACE_NANOS = 50_000_000L;

    private final Meter meter;
    private final TimeseriesCsv timeseries;
    private final LatencyLog latencyLog;
    private final Target target;
    private final OpenLoop openLoop;
    private final PrintStream progress;
    private final LongSupplier now;
    private final Histogram latencyTotal = new Histogram(Meter.MAX_MICROS, 3);
    private final Histogram serviceTotal = new Histogram(Meter.MAX_MICROS, 3);
    private final Histogram schedulingTotal = new Histogram(Meter.MAX_MICROS, 3);
    private Histogram latency;
    private Histogram service;
    private Histogram scheduling;
    private int nextSecond;
    private volatile boolean stopping;
    private Thread thread;

    /**
     * @param openLoop where the generator's own queue length comes from; null in closed loop
     * @param progress where the progress lines go; null for none
     * @param now      run time in nanoseconds (time 0 = start of the schedule)
     */
    Reporter(Meter meter, TimeseriesCsv timeseries, LatencyLog latencyLog, Target target, OpenLoop openLoop,
             PrintStream progress, LongSupplier now) {
        this.meter = meter;
        this.timeseries = timeseries;
        this.latencyLog = latencyLog;
        this.target = target;
        this.openLoop = openLoop;
        this.progress = progress;
        this.now = now;
    }

    void start() {
        thread = Thread.ofPlatform().daemon().name("loadgen-reporter").start(this::loop);
    }

    private void loop() {
        while (!stopping) {
            long due = (nextSecond + 1) * 1_000_000_000L + GRACE_NANOS;
            long t = now.getAsLong();
            if (t < due) {
                LockSupport.parkNanos(Math.min(due - t, 100_000_000L));
                continue;
            }
            closeSecond(nextSecond, 1.0);
        }
    }

    /** Stops the ticking and closes every second up to now, the last one partial. */
    void stop() {
        halt();
        long t = now.getAsLong();
        while ((nextSecond + 1) * 1_000_000_000L <= t) {
            closeSecond(nextSecond, 1.0);
        }
        double partial = (t - nextSecond * 1_000_000_000L) / 1e9;
        if (partial > 0.001) {
            closeSecond(nextSecond, partial);
        }
    }

    /** Stops the ticking and waits for the thread, closing nothing more: the run ended without a result. */
    void halt() {
        stopping = true;
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // the thread parks 100 ms at most: wait for it, and keep the interrupt
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeSecond(int s, double lengthSeconds) {
        latency = meter.latencyInterval(latency);
        service = meter.serviceTimeInterval(service);
        scheduling = meter.schedulingErrorInterval(scheduling);
        latencyTotal.add(latency);
        serviceTotal.add(service);
        schedulingTotal.add(scheduling);
        Meter.SecondCounts c = meter.second(s);
        OptionalLong targetBacklog = target.backlog();
        long backlog = targetBacklog.isPresent() ? targetBacklog.getAsLong() : openLoop == null ? 0 : openLoop.queued();
        TimeseriesRow.Builder row = TimeseriesRow.builder(s).arrivals(c.intended()).sent(c.sent()).completions(c.completed())
                .errors(c.errors()).dropped(c.dropped()).backlog(backlog).inFlight(meter.inFlight());
        if (latency.getTotalCount() > 0) {
            row.latencyMillis(ms(latency, 50), ms(latency, 95), ms(latency, 99));
        }
        timeseries.write(row.build());
        latencyLog.append(latency, s, s + lengthSeconds);
        if (progress != null) {
            progress.println(progressLine(s + lengthSeconds, lengthSeconds, c, backlog));
        }
        nextSecond = s + 1;
    }

    private String progressLine(double elapsedSeconds, double lengthSeconds, Meter.SecondCounts c, long backlog) {
        String p99 = latency.getTotalCount() == 0 ? "-" : String.format(Locale.ROOT, "%.1f ms", ms(latency, 99));
        return String.format(Locale.ROOT, "%6.0fs  rate %8.1f/s  sent %8d  ok %8d  errors %6d  p99 %10s  queued %d  in flight %d",
                elapsedSeconds, c.sent() / Math.max(lengthSeconds, 0.001), meter.totalSent(), meter.totalCompleted(), meter.totalErrors(), p99,
                backlog, meter.inFlight());
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }

    Histogram latencyTotal() {
        return latencyTotal;
    }

    Histogram serviceTotal() {
        return serviceTotal;
    }

    Histogram schedulingTotal() {
        return schedulingTotal;
    }
}
