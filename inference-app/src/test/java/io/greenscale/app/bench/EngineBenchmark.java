package io.greenscale.app.bench;

import io.greenscale.app.compute.CpuInfo;
import io.greenscale.app.compute.Engine;
import io.greenscale.app.compute.EngineKind;
import io.greenscale.app.compute.EngineSelector;
import io.greenscale.app.compute.NativeEnvironment;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One n×n product per call on each CPU engine, single-threaded, so the kernels compare without the
 * thread hand-offs: {@code ./greenscale bench inference-app EngineBenchmark}. GFLOP/s = 2n³ / time.
 * (The CLI {@code ./greenscale app bench} measures every engine with all threads and reports the
 * share of the machine's peak.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class EngineBenchmark {
    @Param({"openblas", "java"})
    public String engine;

    @Param({"256", "1024"})
    public int n;

    Engine e;
    float[] a;
    float[] b;

    @Setup(Level.Trial)
    public void setUp() {
        e = new EngineSelector(NativeEnvironment.system(), 1, false, CpuInfo.read()).open(EngineKind.valueOf(engine.toUpperCase()));
        SplittableRandom r = new SplittableRandom(n);
        a = new float[n * n];
        b = new float[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextDouble(-1, 1);
            b[i] = (float) r.nextDouble(-1, 1);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        e.close();
    }

    @Benchmark
    public float[] multiply() {
        return e.multiply(a, b, n, n, n);
    }
}
