package io.greenscale.analysis.sim;

import io.greenscale.analysis.sim.ClusterModel.Dispatch;
import io.greenscale.policy.Policy;
import io.greenscale.policy.signal.PodSnapshot;
import io.greenscale.policy.signal.PodSnapshot.MetricSample;
import io.greenscale.policy.signal.PodSnapshot.Phase;
import io.greenscale.policy.signal.PodSnapshot.ReadyCondition;
import io.greenscale.policy.signal.Reading;
import io.greenscale.policy.signal.Signal;
import io.greenscale.policy.signal.Signals;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an autoscaler can know at a sync, each signal through its real pipeline: the work queue
 * read directly (as the scaler reads Redis, and KEDA polls it), rates from counter deltas between
 * syncs, CPU from the latest metrics-server sample, GPU duty cycle from the latest Prometheus
 * scrape of the DCGM exporter, p95 from {@code histogram_quantile} at the last scrape, and — for
 * the HPA emulation — the pod list with each pod's phase, readiness and metric samples.
 */
final class SignalsSource {
    /** The DCGM exporter's metric, in percent, as prometheus-adapter serves it to the HPA. */
    static final String GPU_METRIC = "DCGM_FI_DEV_GPU_UTIL";

    private final ClusterModel model;
    private final Cluster cluster;
    private final PipelineState pipeline;
    private final Instant epoch;
    private long lastEnqueued = -1;
    private long lastCompleted;
    private long lastAt;

    SignalsSource(ClusterModel model, Cluster cluster, PipelineState pipeline, Instant epoch) {
        this.model = model;
        this.cluster = cluster;
        this.pipeline = pipeline;
        this.epoch = epoch;
    }

    /** The Prometheus-side values, updated at each scrape by the simulation. */
    static final class PipelineState {
        double p95Seconds = Double.NaN;
        long scrapedAt = -1;
        double scrapedBacklog = Double.NaN;
        double scrapedInFlight = Double.NaN;
        double scrapedArrivalRate = Double.NaN;
        double scrapedCompletionRate = Double.NaN;
    }

    Instant instant(long nanos) {
        return epoch.plusNanos(nanos);
    }

    Signals read(Policy policy, long now) {
        Instant at = instant(now);
        int spec = cluster.specReplicas();
        Signals.Builder b = Signals.builder(spec).statusReplicas(spec);
        int ready = 0;
        int starting = 0;
        for (Pod p : cluster.pods) {
            if (p.state == Pod.State.READY) {
                ready++;
            } else if (p.state == Pod.State.PENDING || p.state == Pod.State.STARTING) {
                starting++;
            }
        }
        b.set(Signal.READY_REPLICAS, ready, at).set(Signal.STARTING_REPLICAS, starting, at);
        queueSignals(b, now, at);
        cpu(b);
        gpu(b);
        if (!Double.isNaN(pipeline.p95Seconds)) {
            b.set(Signal.P95_LATENCY, Reading.of(pipeline.p95Seconds, instant(pipeline.scrapedAt)));
        } else {
            b.absent(Signal.P95_LATENCY, pipeline.scrapedAt < 0 ? "not scraped yet" : "no request completed in the latency window");
        }
        if (policy.readsPods()) {
            b.pods(pods());
        }
        return b.build();
    }

    private void queueSignals(Signals.Builder b, long now, Instant at) {
        if (model.dispatch() == Dispatch.QUEUE) {
            b.set(Signal.QUEUE_BACKLOG, cluster.queue.size(), at).set(Signal.IN_FLIGHT, cluster.inFlight(), at);
            long enq = cluster.enqueued();
            long done = cluster.completedCount();
            if (lastEnqueued >= 0 && now > lastAt) {
                double dt = (now - lastAt) / 1e9;
                b.set(Signal.ARRIVAL_RATE, (enq - lastEnqueued) / dt, at).set(Signal.COMPLETION_RATE, (done - lastCompleted) / dt, at);
            } else {
                b.absent(Signal.ARRIVAL_RATE, "no earlier counter sample").absent(Signal.COMPLETION_RATE, "no earlier counter sample");
            }
            lastEnqueued = enq;
            lastCompleted = done;
            lastAt = now;
            return;
        }
        if (pipeline.scrapedAt < 0) {
            for (Signal s : List.of(Signal.QUEUE_BACKLOG, Signal.IN_FLIGHT, Signal.ARRIVAL_RATE, Signal.COMPLETION_RATE)) {
                b.absent(s, "not scraped yet");
            }
            return;
        }
        Instant scraped = instant(pipeline.scrapedAt);
        b.set(Signal.QUEUE_BACKLOG, Reading.of(pipeline.scrapedBacklog, scraped))
                .set(Signal.IN_FLIGHT, Reading.of(pipeline.scrapedInFlight, scraped))
                .set(Signal.ARRIVAL_RATE, Reading.of(pipeline.scrapedArrivalRate, scraped))
                .set(Signal.COMPLETION_RATE, Reading.of(pipeline.scrapedCompletionRate, scraped));
    }

    /** Average over ready pods of the latest metrics-server sample, as a fraction of the CPU request. */
    private void cpu(Signals.Builder b) {
        double request = model.resources().cpuRequest();
        averageOverReadyPods(b, Signal.CPU, p -> p.cpuSampleAt, p -> p.cpuSampleCores / request,
                "no metrics-server sample for a ready pod yet");
    }

    /** Average over ready pods of the DCGM duty cycle at the last scrape. */
    private void gpu(Signals.Builder b) {
        averageOverReadyPods(b, Signal.GPU, p -> p.gpuScrapedAt, p -> p.gpuScraped, "no DCGM sample for a ready pod yet");
    }

    /** The mean of a per-pod sample over ready pods that have one, observed at the newest sample's time. */
    private void averageOverReadyPods(Signals.Builder b, Signal signal, java.util.function.ToLongFunction<Pod> sampledAt,
                                      java.util.function.ToDoubleFunction<Pod> value, String absentReason) {
        double sum = 0;
        int n = 0;
        long newest = -1;
        for (Pod p : cluster.pods) {
            if (p.state == Pod.State.READY && sampledAt.applyAsLong(p) >= 0) {
                sum += value.applyAsDouble(p);
                n++;
                newest = Math.max(newest, sampledAt.applyAsLong(p));
            }
        }
        if (n == 0) {
            b.absent(signal, absentReason);
        } else {
            b.set(signal, Reading.of(sum / n, instant(newest)));
        }
    }

    /** Every pod matching the Deployment's selector, as the API and the metrics APIs show it. */
    private List<PodSnapshot> pods() {
        List<PodSnapshot> out = new ArrayList<>();
        long requestMilli = Math.round(model.resources().cpuRequest() * 1000);
        Duration resolution = model.metrics().metricsServerResolution();
        Duration scrape = model.metrics().scrapeInterval();
        for (Pod p : cluster.pods) {
            if (!p.exists()) {
                continue;
            }
            Map<String, MetricSample> metrics = new HashMap<>();
            if (p.cpuSampleAt >= 0) {
                metrics.put("cpu", new MetricSample(Math.round(p.cpuSampleCores * 1000), instant(p.cpuSampleAt), resolution));
            }
            if (p.gpuScrapedAt >= 0) {
                metrics.put(GPU_METRIC, new MetricSample(Math.round(p.gpuScraped * 100_000), instant(p.gpuScrapedAt), scrape));
            }
            Phase phase = p.state == Pod.State.PENDING ? Phase.PENDING : Phase.RUNNING;
            ReadyCondition ready = switch (p.state) {
                case PENDING, GONE -> null;
                case STARTING -> new ReadyCondition(false, instant(p.startedAt));
                case READY, DRAINING -> new ReadyCondition(true, instant(p.readyAt));
            };
            Instant start = p.startedAt != Pod.UNSET ? instant(p.startedAt) : null;
            out.add(new PodSnapshot(p.name, phase, p.state == Pod.State.DRAINING, start, ready, Map.of("cpu", requestMilli), metrics));
        }
        return out;
    }
}
