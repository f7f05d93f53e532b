package io.greenscale.policy.core;

import io.greenscale.policy.Decision;
import io.greenscale.policy.PolicyState;
import io.greenscale.policy.signal.Signal;
import io.greenscale.policy.signal.Signals;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@code decide} call of a target with every signal enabled and a few minutes of history
 * (stabilisation window and step-limit events filled): what one core pays per target per tick.
 * Run: {@code ./greenscale bench scaler/policy DecideBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecideBenchmark {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private GreenScalePolicy policy;
    private PolicyState state;
    private Signals signals;
    private Instant now;

    @Setup(Level.Trial)
    public void setUp() {
        policy = new GreenScalePolicy(Configs.yaml("""
                maxReplicas: 64
                coldStart: 90s
                queue: {perReplicaRate: 2}
                cpu: {target: 0.7}
                gpu: {target: 0.85}
                latency: {slo: 500ms}
                """));
        state = policy.initialState();
        int current = 8;
        // Three minutes of a rising load, so the history holds a full window.
        for (int tick = 0; tick < 36; tick++) {
            now = T0.plusSeconds(5L * tick);
            Decision d = policy.decide(signals(current, 10 + tick, now), state, now);
            state = d.next();
            current = d.desired();
        }
        now = now.plusSeconds(5);
        signals = signals(current, 50, now);
    }

    private static Signals signals(int current, double load, Instant at) {
        return Signals.builder(current)
                .set(Signal.QUEUE_BACKLOG, load * 3, at)
                .set(Signal.ARRIVAL_RATE, load, at)
                .set(Signal.COMPLETION_RATE, load * 0.9, at)
                .set(Signal.IN_FLIGHT, Math.min(current, load / 2), at)
                .set(Signal.CPU, 0.55, at)
                .set(Signal.GPU, 0.97, at)
                .set(Signal.P95_LATENCY, 0.62, at)
                .set(Signal.READY_REPLICAS, Math.max(0, current - 2), at)
                .set(Signal.STARTING_REPLICAS, 2, at)
                .build();
    }

    @Benchmark
    public Decision decide() {
        return policy.decide(signals, state, now);
    }
}
