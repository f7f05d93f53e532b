package io.greenscale.daemon.signal;

import io.greenscale.daemon.config.CpuSource;
import io.greenscale.daemon.config.PromSignalSpec;
import io.greenscale.daemon.config.TargetConfig;
import io.greenscale.daemon.signal.SourceException.Source;
import io.greenscale.policy.signal.Reading;
import io.greenscale.policy.signal.Signal;
import io.greenscale.policy.signal.Signals;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A target's Prometheus signals in two steps: queries that do not depend on the pod list start
 * at once; the others start when the pods are known. Each query text is sent once per tick no
 * matter how many targets ask for it.
 */
final class PromGathering {
    private final TargetConfig target;
    private final Map<String, PromSignalSpec> specs = new LinkedHashMap<>();
    private final PrometheusApi api;
    private final Duration deadline;

    PromGathering(TargetConfig target, Set<Signal> inputs, PrometheusApi api, Duration deadline) {
        this.target = target;
        this.api = api;
        this.deadline = deadline;
        if (inputs.contains(Signal.CPU) && target.cpu() instanceof CpuSource.Prometheus p) {
            specs.put(Signal.CPU.key(), p.spec());
        }
        if (inputs.contains(Signal.GPU)) {
            specs.put(Signal.GPU.key(), target.gpu());
        }
        if (inputs.contains(Signal.IN_FLIGHT) && target.queue() == null) {
            specs.put(Signal.IN_FLIGHT.key(), target.inFlight());
        }
        if (inputs.contains(Signal.P95_LATENCY)) {
            specs.put(Signal.P95_LATENCY.key(), target.p95());
        }
        specs.putAll(target.extra());
    }

    /** The queries under way for one tick. */
    final class Started {
        private final Map<String, Tick.Pending<List<PromSeries>>> pending = new HashMap<>();
        private final Map<String, String> texts = new HashMap<>();

        /** Starts the pod-dependent queries, waits for all, and sets each reading. */
        void finish(Tick tick, List<String> pods, Reading.Absent podsMissing, Signals.Builder out) {
            PromSignals.TargetVars vars = vars(pods);
            specs.forEach((key, spec) -> {
                if (spec.needsPods() && pods != null) {
                    start(tick, key, PromSignals.query(spec, vars));
                }
            });
            specs.forEach((key, spec) -> {
                Reading reading = spec.needsPods() && pods == null
                        ? Reading.absent("needs the target's pods: " + podsMissing.reason())
                        : read(tick, spec, key, vars);
                Signal signal = signalOf(key);
                if (signal != null) {
                    out.set(signal, reading);
                } else {
                    out.extra(key, reading);
                }
            });
        }

        private void start(Tick tick, String key, String query) {
            texts.put(key, query);
            pending.put(key, tick.forkShared("promql " + query, Source.PROMETHEUS, deadline, "query " + query, () -> api.query(query)));
        }

        private Reading read(Tick tick, PromSignalSpec spec, String key, PromSignals.TargetVars vars) {
            try {
                return PromSignals.read(spec, texts.get(key), pending.get(key).get(), vars);
            } catch (SourceException e) {
                if (e.kind() == SourceException.Kind.EMPTY || e.kind() == SourceException.Kind.NAN) {
                    tick.report(e);
                }
                return Reading.absent(e.reason());
            }
        }
    }

    Started startWithoutPods(Tick tick) {
        Started started = new Started();
        PromSignals.TargetVars vars = vars(null);
        specs.forEach((key, spec) -> {
            if (!spec.needsPods()) {
                started.start(tick, key, PromSignals.query(spec, vars));
            }
        });
        return started;
    }

    private PromSignals.TargetVars vars(List<String> pods) {
        return new PromSignals.TargetVars(target.ref().namespace(), target.ref().name(), pods);
    }

    private static Signal signalOf(String key) {
        for (Signal s : Signal.values()) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        return null;
    }
}
