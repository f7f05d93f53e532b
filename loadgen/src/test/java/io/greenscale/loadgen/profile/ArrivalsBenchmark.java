package io.greenscale.loadgen.profile;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Arrivals drawn per second of CPU: the simulator needs at least a million per core. Each
 * invocation draws {@value #N} arrivals, so the score in ops/s is arrivals per second.
 * Run: {@code ./greenscale bench loadgen ArrivalsBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ArrivalsBenchmark {
    static final int N = 1_000_000;
    /** A long profile so that N arrivals never run out: a day of a diurnal chain at ~1000/s. */
    final Profile diurnalChain = new ChainProfile(List.of(
            new RampProfile(200, 1500, Duration.ofHours(2)),
            SineProfile.diurnal(200, 1800, Duration.ofHours(24), Duration.ofHours(14), Duration.ofHours(24))));
    final Profile constant = new ConstantProfile(1000, Duration.ofHours(24));
    final RequestTrace trace = trace();

    static RequestTrace trace() {
        long[] t = new long[N];
        for (int i = 0; i < N; i++) {
            t[i] = i * 997_000L;
        }
        return RequestTrace.ofTimes(t);
    }

    static long drain(ArrivalStream a) {
        long sum = 0;
        for (int i = 0; i < N && a.next(); i++) {
            sum += a.atNanos();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long poissonConstant() {
        return drain(Arrivals.poisson(constant, 1));
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long poissonDiurnalChain() {
        return drain(Arrivals.poisson(diurnalChain, 1));
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long uniformDiurnalChain() {
        return drain(Arrivals.uniform(diurnalChain));
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long replayTraceWithThinning() {
        return drain(Arrivals.replay(trace, 0.8, 0.5, 1));
    }
}
