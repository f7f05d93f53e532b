package io.greenscale.analysis.sim;

import io.greenscale.analysis.run.RunData;
import io.greenscale.loadgen.profile.ArrivalStream;
import io.greenscale.loadgen.record.TimeseriesRow;
import io.greenscale.policy.Decision;
import io.greenscale.policy.DecisionRecord;
import io.greenscale.policy.Policy;
import io.greenscale.policy.PolicyState;
import io.greenscale.policy.signal.Signals;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * A discrete-event run of one policy on one workload in the virtual cluster: arrivals from a
 * stream, service in the cluster's slots, pod lifecycles, the metrics pipeline sampled every
 * second, and the policy called on its own sync period with the signals it would really see.
 * Deterministic for a given seed. The result is the same {@link RunData} a real run produces.
 */
public final class Simulation {
    /** The instant the simulated clock starts at; only differences matter. */
    public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private static final long SECOND = 1_000_000_000L;

    /**
     * @param name            run label
     * @param info            run.json content
     * @param busyAware       scale-down removes the least busy ready pods first (pod-deletion cost)
     * @param recordDecisions keep every decision (the decision log)
     */
    public record Setup(String name, Map<String, Object> info, ClusterModel model, ArrivalStream arrivals, Duration duration,
                        int initialReplicas, Policy policy, boolean busyAware, long seed, boolean recordDecisions,
                        LatencyIntervals latencyIntervals) {
        public Setup {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(arrivals, "arrivals");
            Objects.requireNonNull(policy, "policy");
            if (policy.syncPeriod().toMillis() % 1000 != 0 || policy.syncPeriod().isZero()) {
                throw new IllegalArgumentException("the simulator syncs policies on whole seconds; " + policy.name()
                        + " asks for every " + policy.syncPeriod());
            }
        }
    }

    /**
     * Queueing figures of the whole run, for checks against theory.
     *
     * @param meanInSystem    time-average number of requests waiting or in service
     * @param arrivalRate     accepted arrivals per second
     * @param meanSojournSeconds mean time from arrival to completion
     */
    public record Stats(double meanInSystem, double arrivalRate, double meanSojournSeconds,
                        long arrived, long completed, long dropped, long interrupted) {}

    public record Result(RunData run, Stats stats) {}

    /** Receives the latency histogram of each interval (microseconds), e.g. for an HdrHistogram interval log. */
    public interface LatencyIntervals {
        /** Interval length in whole seconds. */
        int seconds();

        void interval(Histogram latencyMicros, double startSeconds, double endSeconds);
    }

    private Simulation() {}

    public static Result run(Setup setup) {
        return new Engine(setup).run();
    }

    private static final class Engine implements Cluster.Sink {
        private final Setup setup;
        private final ClusterModel model;
        private final Cluster cluster;
        private final ServiceTimes serviceTimes;
        private final SignalsSource.PipelineState pipeline = new SignalsSource.PipelineState();
        private final SignalsSource signals;
        private final PromLatencyWindow promLatency;
        private final Histogram second = new Histogram(3_600_000_000L, 2);
        private final Histogram whole = new Histogram(3_600_000_000L, 3);
        private final Histogram interval = new Histogram(3_600_000_000L, 2);
        private final List<TimeseriesRow> rows = new ArrayList<>();
        private final List<DecisionRecord> decisions = new ArrayList<>();
        private final long[] arrivalsRing;
        private final long[] completionsRing;

        // this second
        private long arrivals;
        private long completions;
        private long dropped;
        private long interrupted;
        // the whole run
        private long totalArrived;
        private long totalCompleted;
        private long totalDropped;
        private long totalInterrupted;
        private long inSystem;
        private long lastChange;
        private double inSystemArea;
        private double sojournSum;

        Engine(Setup setup) {
            this.setup = setup;
            this.model = setup.model();
            this.cluster = new Cluster(model, this, setup.seed());
            this.serviceTimes = new ServiceTimes(model.service(), setup.seed());
            this.signals = new SignalsSource(model, cluster, pipeline, EPOCH);
            this.promLatency = new PromLatencyWindow((int) model.metrics().latencyWindow().toSeconds());
            int rateWindow = (int) model.metrics().rateWindow().toSeconds();
            this.arrivalsRing = new long[rateWindow];
            this.completionsRing = new long[rateWindow];
        }

        Result run() {
            long end = setup.duration().toNanos();
            long syncEvery = setup.policy().syncPeriod().toSeconds();
            long metricsEvery = model.metrics().metricsServerResolution().toSeconds();
            long scrapeEvery = model.metrics().scrapeInterval().toSeconds();
            PolicyState state = setup.policy().initialState();
            // The initial replicas are ready from the start: the run begins in a steady state.
            cluster.addReadyPods(setup.initialReplicas());

            ArrivalStream stream = setup.arrivals();
            long nextArrival = stream.next() ? stream.atNanos() : Long.MAX_VALUE;
            long k = 0;
            while (true) {
                long tick = k * SECOND;
                long events = cluster.nextEventTime();
                if (events <= tick && events <= nextArrival && events <= end) {
                    account(events);
                    cluster.advance(events);
                    continue;
                }
                if (tick <= nextArrival) {
                    if (tick > end) {
                        break;
                    }
                    account(tick);
                    if (k > 0) {
                        closeSecond(k - 1, tick);
                    }
                    if (k % metricsEvery == 0 && k > 0) { // a sample needs one full window behind it
                        metricsServerSample(tick);
                    }
                    if (k % scrapeEvery == 0 && k > 0) {
                        scrape(tick);
                    }
                    if (k % syncEvery == 0) {
                        state = sync(state, tick);
                    }
                    k++;
                    continue;
                }
                if (nextArrival >= end) {
                    nextArrival = Long.MAX_VALUE;
                    continue;
                }
                account(nextArrival);
                inSystem++;
                arrivals++;
                totalArrived++;
                cluster.arrive(nextArrival, serviceTimes.sample(stream.inputTokens(), stream.outputTokens()));
                nextArrival = stream.next() ? stream.atNanos() : Long.MAX_VALUE;
            }
            double seconds = end / 1e9;
            Stats stats = new Stats(inSystemArea / seconds, totalArrived / seconds,
                    totalCompleted == 0 ? Double.NaN : sojournSum / totalCompleted,
                    totalArrived, totalCompleted, totalDropped, totalInterrupted);
            return new Result(new RunData(setup.name(), setup.info(), rows, whole, decisions), stats);
        }

        /** Integrates the number of requests in the system up to {@code now} (Little's law). */
        private void account(long now) {
            inSystemArea += inSystem * ((now - lastChange) / 1e9);
            lastChange = now;
        }

        @Override
        public void completed(long now, long arrivedAt) {
            long latency = now - arrivedAt;
            account(now);
            inSystem--;
            completions++;
            totalCompleted++;
            sojournSum += latency / 1e9;
            long micros = Math.max(1, latency / 1000);
            second.recordValue(Math.min(micros, second.getHighestTrackableValue()));
            whole.recordValue(Math.min(micros, whole.getHighestTrackableValue()));
            if (setup.latencyIntervals() != null) {
                interval.recordValue(Math.min(micros, interval.getHighestTrackableValue()));
            }
            promLatency.record(latency);
        }

        @Override
        public void dropped(long now) {
            account(now);
            inSystem--;
            dropped++;
            totalDropped++;
        }

        @Override
        public void interrupted(long now, int requests) {
            interrupted += requests;
            totalInterrupted += requests;
            if (model.dispatch() != ClusterModel.Dispatch.QUEUE) {
                account(now);
                inSystem -= requests; // lost behind a load balancer; a work queue takes them back
            }
        }

        /** Closes second {@code s} (ending at {@code now}): pod usage, the per-second row. */
        private void closeSecond(long s, long now) {
            cluster.expireWaiting(now);
            double cpuSum = 0;
            double dutySum = 0;
            int ready = 0;
            int starting = 0;
            int terminating = 0;
            ClusterModel.Resources res = model.resources();
            for (Pod p : cluster.pods) {
                if (!p.exists()) {
                    continue;
                }
                p.accrue(now);
                double busySlots = p.busySlotNanos / 1e9;
                p.dutyLastSecond = Math.min(1, p.anyBusyNanos / 1e9);
                p.cpuWindowBusySlotNanos += p.busySlotNanos;
                if (p.state == Pod.State.STARTING) {
                    p.cpuWindowStartupNanos += SECOND;
                }
                p.busySlotNanos = 0;
                p.anyBusyNanos = 0;
                switch (p.state) {
                    case READY -> {
                        ready++;
                        cpuSum += (res.cpuIdle() + res.cpuPerBusySlot() * busySlots) / res.cpuRequest();
                        dutySum += p.dutyLastSecond;
                    }
                    case PENDING, STARTING -> starting++;
                    case DRAINING -> terminating++;
                    default -> { }
                }
            }
            promLatency.endSecond();
            int slot = (int) (s % arrivalsRing.length);
            arrivalsRing[slot] = arrivals;
            completionsRing[slot] = completions;
            TimeseriesRow.Builder row = TimeseriesRow.builder(s)
                    .arrivals(arrivals).sent(arrivals).completions(completions).errors(0).dropped(dropped).interrupted(interrupted)
                    .backlog(cluster.backlog()).inFlight(cluster.inFlight())
                    .desiredReplicas(cluster.specReplicas()).readyReplicas(ready).startingReplicas(starting).terminatingReplicas(terminating);
            if (ready > 0) {
                row.cpu(cpuSum / ready).gpu(dutySum / ready);
            }
            if (second.getTotalCount() > 0) {
                row.latencyMillis(second.getValueAtPercentile(50) / 1000.0, second.getValueAtPercentile(95) / 1000.0,
                        second.getValueAtPercentile(99) / 1000.0);
            }
            rows.add(row.build());
            second.reset();
            Simulation.LatencyIntervals sink = setup.latencyIntervals();
            if (sink != null && (s + 1) % sink.seconds() == 0) {
                sink.interval(interval, s + 1 - sink.seconds(), s + 1);
                interval.reset();
            }
            arrivals = 0;
            completions = 0;
            dropped = 0;
            interrupted = 0;
        }

        /** metrics-server: each running pod's CPU over the last resolution window, in cores. */
        private void metricsServerSample(long now) {
            ClusterModel.Resources res = model.resources();
            double window = model.metrics().metricsServerResolution().toNanos();
            for (Pod p : cluster.pods) {
                if (!p.containerRunning()) {
                    continue;
                }
                double startupShare = Math.min(1, p.cpuWindowStartupNanos / window);
                double busy = p.cpuWindowBusySlotNanos / window;
                p.cpuSampleCores = res.cpuIdle() * (1 - startupShare) + res.cpuStartup() * startupShare + res.cpuPerBusySlot() * busy;
                p.cpuSampleAt = now;
                p.cpuWindowBusySlotNanos = 0;
                p.cpuWindowStartupNanos = 0;
            }
        }

        /** Prometheus: the DCGM exporter's last duty cycle per pod, p95 over the window, the app's gauges and rates. */
        private void scrape(long now) {
            for (Pod p : cluster.pods) {
                if (p.containerRunning()) {
                    p.gpuScraped = p.state == Pod.State.STARTING ? 0 : p.dutyLastSecond;
                    p.gpuScrapedAt = now;
                }
            }
            pipeline.p95Seconds = promLatency.quantile(0.95);
            pipeline.scrapedAt = now;
            pipeline.scrapedBacklog = cluster.backlog();
            pipeline.scrapedInFlight = cluster.inFlight();
            long a = 0;
            long c = 0;
            for (int i = 0; i < arrivalsRing.length; i++) {
                a += arrivalsRing[i];
                c += completionsRing[i];
            }
            double window = Math.min(arrivalsRing.length, Math.max(1, now / SECOND));
            pipeline.scrapedArrivalRate = a / window;
            pipeline.scrapedCompletionRate = c / window;
        }

        private PolicyState sync(PolicyState state, long now) {
            Signals s = signals.read(setup.policy(), now);
            Decision d = setup.policy().decide(s, state, signals.instant(now));
            if (d.desired() != s.currentReplicas()) {
                cluster.setReplicas(now, d.desired(), setup.busyAware());
            }
            if (setup.recordDecisions()) {
                decisions.add(DecisionRecord.of(d, now / 1e9, signals.instant(now), String.valueOf(setup.name()),
                        setup.policy().name(), "simulated", null, d.changes()));
            }
            return d.next();
        }
    }
}
