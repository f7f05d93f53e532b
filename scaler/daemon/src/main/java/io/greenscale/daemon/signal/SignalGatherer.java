package io.greenscale.daemon.signal;

import io.greenscale.daemon.config.CpuSource;
import io.greenscale.daemon.config.TargetConfig;
import io.greenscale.daemon.signal.SourceException.Source;
import io.greenscale.policy.signal.PodSnapshot;
import io.greenscale.policy.signal.Reading;
import io.greenscale.policy.signal.Signal;
import io.greenscale.policy.signal.Signals;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gathers one target's {@link Signals} for one tick: the queue, the pods (readiness, CPU through
 * metrics.k8s.io) and the Prometheus signals, all at once, each under its own deadline. A source
 * that fails leaves its signals absent with the failure as the reason; it never fails the target.
 */
public final class SignalGatherer {
    private static final Set<Signal> QUEUE = EnumSet.of(Signal.QUEUE_BACKLOG, Signal.IN_FLIGHT, Signal.ARRIVAL_RATE, Signal.COMPLETION_RATE);

    private final TargetConfig target;
    private final Set<Signal> inputs;
    private final QueueProbe queue;
    private final PodLister pods;
    private final UsageLister usage;
    private final PromGathering prometheus;
    private final Deadlines deadlines;

    /** @param queue null when the target has no queue */
    public SignalGatherer(TargetConfig target, QueueProbe queue, PodLister pods, UsageLister usage, PrometheusApi prometheus, Deadlines deadlines) {
        this.target = target;
        this.inputs = target.policy().inputs().isEmpty() ? EnumSet.noneOf(Signal.class) : EnumSet.copyOf(target.policy().inputs());
        this.queue = queue;
        this.pods = pods;
        this.usage = usage;
        this.prometheus = new PromGathering(target, inputs, prometheus, deadlines.prometheus());
        this.deadlines = deadlines;
    }

    public Gathered gather(Tick tick, int specReplicas, int statusReplicas, String selector, QueueRates rates) {
        String ns = target.ref().namespace();
        boolean wantsUsage = target.policy().readsPods() || (inputs.contains(Signal.CPU) && target.cpu() instanceof CpuSource.MetricsApi);
        boolean wantsQueue = queue != null && (target.busyAwareScaleDown() || inputs.stream().anyMatch(QUEUE::contains));

        Tick.Pending<List<V1Pod>> podList = selector == null ? null
                : tick.fork(Source.KUBERNETES, deadlines.kubernetes(), "list pods of " + target.id(), () -> pods.list(ns, selector));
        Tick.Pending<Map<String, PodUsage>> usageList = !wantsUsage || selector == null ? null
                : tick.forkShared("pod metrics " + ns, Source.METRICS_API, deadlines.kubernetes(), "pod metrics of " + ns, () -> usage.list(ns));
        Tick.Pending<QueueSample> queueRead = wantsQueue ? tick.fork(Source.REDIS, deadlines.redis(), "queue of " + target.id(), queue::read) : null;
        PromGathering.Started prom = prometheus.startWithoutPods(tick);

        Signals.Builder out = Signals.builder(specReplicas).statusReplicas(statusReplicas);
        PodPart podPart = PodPart.await(podList, usageList, target);
        podPart.fill(out, tick, target.policy().readsPods(), inputs.contains(Signal.CPU) && target.cpu() instanceof CpuSource.MetricsApi, target.id());
        QueueSample sample = null;
        QueueRates nextRates = rates;
        if (queueRead != null) {
            try {
                sample = queueRead.get();
                QueueRates.Result r = rates.next(sample, tick.now());
                nextRates = r.next();
                out.set(Signal.QUEUE_BACKLOG, sample.backlog(), tick.now())
                        .set(Signal.IN_FLIGHT, sample.inFlight(), tick.now())
                        .set(Signal.ARRIVAL_RATE, r.arrival())
                        .set(Signal.COMPLETION_RATE, r.completion());
            } catch (SourceException e) {
                QUEUE.forEach(s -> out.absent(s, e.reason()));
            }
        }
        prom.finish(tick, podPart.names(), podPart.failure(), out);
        return new Gathered(out.build(), sample, podPart.costAnnotations(), nextRates);
    }

    /** The pod list and its metrics.k8s.io usage, or why they are missing. */
    private record PodPart(List<PodSnapshot> snapshots, Map<String, String> costAnnotations, Reading.Absent failure, Reading.Absent usageFailure) {

        static PodPart await(Tick.Pending<List<V1Pod>> podList, Tick.Pending<Map<String, PodUsage>> usageList, TargetConfig target) {
            if (podList == null) {
                return new PodPart(null, Map.of(), new Reading.Absent(target.ref().kind() + " " + target.ref().name()
                        + " publishes no pod selector in its scale"), null);
            }
            List<V1Pod> items;
            try {
                items = podList.get();
            } catch (SourceException e) {
                return new PodPart(null, Map.of(), new Reading.Absent(e.reason()), null);
            }
            Map<String, PodUsage> usage = null;
            Reading.Absent usageFailure = null;
            if (usageList != null) {
                try {
                    usage = usageList.get();
                } catch (SourceException e) {
                    usageFailure = new Reading.Absent(e.reason());
                }
            }
            List<PodSnapshot> snapshots = new ArrayList<>();
            Map<String, String> costs = new LinkedHashMap<>();
            for (V1Pod pod : items) {
                String name = pod.getMetadata().getName();
                snapshots.add(PodSnapshots.of(pod, usage == null ? null : usage.get(name)));
                var annotations = pod.getMetadata().getAnnotations();
                costs.put(name, annotations == null ? null : annotations.get(io.greenscale.daemon.target.DeletionCosts.ANNOTATION));
            }
            return new PodPart(snapshots, costs, null, usageFailure);
        }

        List<String> names() {
            return snapshots == null ? null : snapshots.stream().map(PodSnapshot::name).toList();
        }

        void fill(Signals.Builder out, Tick tick, boolean readsPods, boolean cpuFromMetricsApi, String target) {
            if (snapshots == null) {
                out.set(Signal.READY_REPLICAS, failure).set(Signal.STARTING_REPLICAS, failure);
                if (cpuFromMetricsApi) {
                    out.set(Signal.CPU, failure);
                }
                return;
            }
            out.set(Signal.READY_REPLICAS, PodSignals.ready(snapshots), tick.now())
                    .set(Signal.STARTING_REPLICAS, PodSignals.starting(snapshots), tick.now());
            if (readsPods) {
                out.pods(snapshots);
            }
            if (cpuFromMetricsApi) {
                Reading cpu = usageFailure != null ? usageFailure : PodSignals.cpu(snapshots);
                if (usageFailure == null && cpu instanceof Reading.Absent absent) {
                    // The API answered but had nothing usable for the ready pods (metrics-server lagging, no requests).
                    tick.report(new SourceException(Source.METRICS_API, SourceException.Kind.EMPTY, target + ": " + absent.reason()));
                }
                out.set(Signal.CPU, cpu);
            }
        }
    }
}
