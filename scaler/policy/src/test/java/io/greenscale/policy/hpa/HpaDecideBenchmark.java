package io.greenscale.policy.hpa;

import io.greenscale.policy.Decision;
import io.greenscale.policy.PolicyState;
import io.greenscale.policy.keda.KedaPolicy;
import io.greenscale.policy.keda.KedaPresets;
import io.greenscale.policy.signal.PodSnapshot;
import io.greenscale.policy.signal.PodSnapshot.MetricSample;
import io.greenscale.policy.signal.PodSnapshot.Phase;
import io.greenscale.policy.signal.PodSnapshot.ReadyCondition;
import io.greenscale.policy.signal.Signal;
import io.greenscale.policy.signal.Signals;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One HPA sync (hpa-cpu70 over {@code pods} pods, with a full five-minute recommendation history)
 * and one KEDA tick (keda-queue, a poll and a sync due): what the simulator pays per target per
 * sync. Run: {@code ./greenscale bench scaler/policy HpaDecideBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HpaDecideBenchmark {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Param({"10", "100"})
    int pods;

    private HpaPolicy hpa;
    private PolicyState hpaState;
    private Signals hpaSignals;
    private KedaPolicy keda;
    private PolicyState kedaState;
    private Signals kedaSignals;
    private Instant now;

    @Setup(Level.Trial)
    public void setUp() {
        hpa = HpaPresets.cpu70(1, 1000);
        hpaState = hpa.initialState();
        for (int k = 0; k < 21; k++) {
            now = T0.plusSeconds(15L * k);
            hpaState = hpa.decide(cpu(pods, 60, now), hpaState, now).next();
        }
        now = now.plusSeconds(15);
        hpaSignals = cpu(pods, 60, now);
        keda = KedaPresets.queue(0, 1000, 5);
        kedaState = keda.initialState();
        for (int k = 0; k < 20; k++) {
            Instant t = T0.plusSeconds(15L * k);
            kedaState = keda.decide(Signals.builder(pods).set(Signal.QUEUE_BACKLOG, 5.0 * pods, t).build(), kedaState, t).next();
        }
        kedaSignals = Signals.builder(pods).set(Signal.QUEUE_BACKLOG, 5.0 * pods, now).build();
    }

    private static Signals cpu(int n, int percent, Instant at) {
        List<PodSnapshot> list = new ArrayList<>(n);
        Instant started = at.minus(Duration.ofHours(1));
        for (int i = 0; i < n; i++) {
            list.add(new PodSnapshot("pod-" + i, Phase.RUNNING, false, started, new ReadyCondition(true, started),
                    Map.of("cpu", 1000L), Map.of("cpu", new MetricSample(percent * 10L + i % 7, at, Duration.ofMinutes(1)))));
        }
        return Signals.builder(n).pods(list).build();
    }

    @Benchmark
    public Decision hpaSync() {
        return hpa.decide(hpaSignals, hpaState, now);
    }

    @Benchmark
    public Decision kedaTick() {
        return keda.decide(kedaSignals, kedaState, now);
    }
}
