package io.greenscale.loadgen.drive;

import io.greenscale.loadgen.profile.ArrivalStream;
import io.greenscale.loadgen.record.LatencyLog;
import io.greenscale.loadgen.record.LatencyStats;
import io.greenscale.loadgen.record.RunDirectory;
import io.greenscale.loadgen.record.RunInfo;
import io.greenscale.loadgen.record.RunSummary;
import io.greenscale.loadgen.record.TimeseriesCsv;
import java.io.PrintStream;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One load run from start to summary: writes run.json, drives the target (open or closed loop)
 * while the reporter closes each second, waits for the stragglers, then writes summary.json and
 * the final run.json.
 */
public final class LoadRun {

    /** How load is offered. */
    public sealed interface Plan permits Open, Closed {
        Duration duration();
    }

    /** Open loop: send at the scheduled times, whatever the target does. */
    public record Open(ArrivalStream arrivals, Duration duration, BodyTemplate body) implements Plan {}

    /** Closed loop: {@code users} users each waiting for a response, then thinking, then sending again. */
    public record Closed(int users, Duration think, Duration duration, BodyTemplate body) implements Plan {}

    /**
     * @param connections requests in flight at most (open loop)
     * @param maxQueued   requests waiting for a connection at most; more are dropped
     * @param timeout     a request's timeout
     * @param drain       how long the run waits for stragglers after the schedule ends (by default the timeout + 1 s)
     */
    public record Limits(int connections, long maxQueued, Duration timeout, Duration drain) {
        public Limits(int connections, long maxQueued, Duration timeout) {
            this(connections, maxQueued, timeout, timeout.plusSeconds(1));
        }
    }

    /**
     * Traffic sent before the measured run and not recorded, so that the JVM's JIT and the target's
     * connections are warm when measuring starts: open loop, uniform arrivals at {@code ratePerSecond}
     * (closed loop: the same users) for {@code duration}.
     */
    public record Warmup(Duration duration, double ratePerSecond) {
        public static final Warmup NONE = new Warmup(Duration.ZERO, 0);
    }

    /** @param reached false when not a single request got an answer of any kind from the target */
    public record Result(RunSummary summary, boolean reached) {}

    private LoadRun() {}

    /**
     * Runs the plan. The caller has probed the target, created {@code info} with the run's start
     * instant, and passes where progress lines go (null for none).
     */
    public static Result execute(Plan plan, Target target, Limits limits, RunDirectory dir, RunInfo info,
                                 PrintStream progress, InstantSource wall) throws InterruptedException {
        return execute(plan, target, limits, Warmup.NONE, dir, info, progress, wall);
    }

    /** {@link #execute(Plan, Target, Limits, RunDirectory, RunInfo, PrintStream, InstantSource)} after a warm-up. */
    public static Result execute(Plan plan, Target target, Limits limits, Warmup warmup, RunDirectory dir, RunInfo info,
                                 PrintStream progress, InstantSource wall) throws InterruptedException {
        LongSupplier nanoTime = System::nanoTime;
        warmUp(plan, target, limits, warmup, nanoTime);
        Duration drainAllowance = limits.drain();
        int seconds = (int) plan.duration().plus(drainAllowance).toSeconds() + 2;
        Meter meter = new Meter(seconds);
        dir.writeRunInfo(info);
        // The timeseries writer is made first: its first use loads and initialises a CSV mapper,
        // CPU that would otherwise compete with the first second of the schedule.
        try (TimeseriesCsv timeseries = dir.createTimeseries();
             LatencyLog latencyLog = dir.createLatencyLog(wall.instant())) {
            long startNanos = nanoTime.getAsLong();
            LongSupplier now = () -> nanoTime.getAsLong() - startNanos;
            OpenLoop open = plan instanceof Open
                    ? new OpenLoop(target, meter, limits.connections(), limits.maxQueued(), nanoTime, startNanos) : null;
            Reporter reporter = new Reporter(meter, timeseries, latencyLog, target, open, progress, now);
            reporter.start();
            try {
                switch (plan) {
                    case Open o -> {
                        open.run(o.arrivals(), o.body(), () -> Thread.currentThread().isInterrupted());
                        open.drain(o.duration().plus(drainAllowance).toNanos());
                        if (Thread.interrupted()) {
                            throw new InterruptedException("the load run was interrupted");
                        }
                    }
                    case Closed c -> new ClosedLoop(target, meter, nanoTime, startNanos).run(c.users(), c.think(), c.duration(), c.body());
                }
            } catch (InterruptedException | RuntimeException e) {
                // Interrupted or failed: no summary, but no reporter left polling a target that is going away.
                reporter.halt();
                throw e;
            }
            reporter.stop();
            double elapsed = now.getAsLong() / 1e9;
            RunSummary summary = summary(plan, meter, reporter, elapsed);
            dir.writeSummary(summary);
            dir.writeRunInfo(info.durationSeconds(elapsed).endedAt(wall.instant()));
            return new Result(summary, reached(meter));
        }
    }

    private static void warmUp(Plan plan, Target target, Limits limits, Warmup warmup, LongSupplier nanoTime)
            throws InterruptedException {
        if (warmup.duration().isZero()) {
            return;
        }
        Meter discarded = new Meter(1);
        long start = nanoTime.getAsLong();
        switch (plan) {
            case Open o -> {
                if (warmup.ratePerSecond() <= 0) {
                    return;
                }
                OpenLoop loop = new OpenLoop(target, discarded, limits.connections(), limits.maxQueued(), nanoTime, start);
                loop.run(io.greenscale.loadgen.profile.Arrivals.uniform(
                        new io.greenscale.loadgen.profile.ConstantProfile(warmup.ratePerSecond(), warmup.duration())), o.body(),
                        () -> Thread.currentThread().isInterrupted());
                loop.drain(warmup.duration().plus(limits.timeout()).toNanos());
            }
            case Closed c -> new ClosedLoop(target, discarded, nanoTime, start).run(c.users(), c.think(), warmup.duration(), c.body());
        }
    }

    private static RunSummary summary(Plan plan, Meter meter, Reporter reporter, double elapsedSeconds) {
        double scheduled = plan.duration().toNanos() / 1e9;
        boolean closed = plan instanceof Closed;
        return new RunSummary(
                Math.round(elapsedSeconds * 1000) / 1000.0,
                new RunSummary.Requests(meter.totalIntended(), meter.totalSent(), meter.totalCompleted(), meter.totalErrors(),
                        meter.totalTimeouts(), meter.totalDropped()),
                round(meter.totalIntended() / scheduled),
                round(meter.totalCompleted() / scheduled),
                LatencyStats.ofMicros(reporter.latencyTotal()),
                closed ? null : LatencyStats.ofMicros(reporter.serviceTotal()),
                closed ? null : LatencyStats.ofMicros(reporter.schedulingTotal()),
                meter.errorsByKind(),
                closed);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** Reached unless every request failed to connect (a status code, even 503, means it answered). */
    private static boolean reached(Meter meter) {
        if (meter.totalCompleted() > 0) {
            return true;
        }
        Map<String, Long> errors = meter.errorsByKind();
        return errors.keySet().stream().anyMatch(k -> k.startsWith("status_"));
    }
}
