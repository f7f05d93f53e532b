package io.greenscale.app.bench;

import io.greenscale.app.compute.CpuInfo;
import io.greenscale.app.compute.Engine;
import io.greenscale.app.compute.EngineKind;
import io.greenscale.app.compute.EngineSelector;
import io.greenscale.app.compute.EngineUnavailable;
import io.greenscale.app.compute.NativeEnvironment;
import io.greenscale.app.compute.cuda.CudaEngine;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code greenscale app bench}: GFLOP/s of each available engine at each size, the median of clean
 * repetitions, as a share of the CPU's nominal peak; on a GPU machine also device-resident SGEMM and
 * TF32 GFLOP/s next to the GPU's FP32 peak. Runs on any machine; engines that are missing are
 * reported with the reason.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure GFLOP/s per engine and matrix size (median of clean repetitions, share of the nominal peak).")
public final class EngineBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--engines", split = ",", paramLabel = "LIST", description = "engines to measure (default: cuda,openblas,java)")
    List<EngineKind> engines = List.of(EngineKind.CUDA, EngineKind.OPENBLAS, EngineKind.JAVA);

    @Option(names = "--sizes", split = ",", paramLabel = "N,...", description = "square sizes (default: 256,512,1024,2048)")
    List<Integer> sizes = List.of(256, 512, 1024, 2048);

    @Option(names = "--threads", paramLabel = "N", description = "threads per product for the CPU engines (default: all CPUs)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--reps", paramLabel = "N", description = "clean repetitions wanted per cell (default: 7)")
    int reps = 7;

    @Option(names = "--rep-seconds", paramLabel = "S", description = "minimum length of one repetition (default: 0.25)")
    double repSeconds = 0.25;

    @Option(names = "--warmup-seconds", paramLabel = "S", description = "warm-up per cell (default: 2)")
    double warmupSeconds = 2;

    @Option(names = "--gpu-n", paramLabel = "N", description = "size of the device-resident SGEMM/TF32 runs on a GPU (default: 4096)")
    int gpuN = 4096;

    @Option(names = "--peak-gflops", paramLabel = "G", description = "CPU peak to compare with (default: from /proc/cpuinfo)")
    Double peakGflops;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CpuInfo cpu = CpuInfo.read();
        double peak = peakGflops != null ? peakGflops : cpu.nominalPeakGflops().orElse(Double.NaN);
        out.printf(Locale.ROOT, "CPU: %s, %d CPUs, %s; nominal fp32 peak %.1f GFLOP/s (%d cores x 2 FMA x 8 lanes x 2 FLOP x clock)%n",
                cpu.model(), cpu.cpus(), cpu.mhz().isPresent() ? String.format(Locale.ROOT, "%.0f MHz", cpu.mhz().getAsDouble()) : "clock unknown",
                peak, cpu.cpus());
        out.printf("Repetitions: >= %.2f s each, %d clean wanted; clean = the rest of the machine used < %.2f CPU meanwhile%n%n",
                repSeconds, reps, Repetitions.CONTENDED_CPUS);
        out.printf("%-9s %6s %10s %9s %9s %9s %7s  %s%n", "engine", "n", "GFLOP/s", "min", "max", "% peak", "clean", "note");
        EngineSelector selector = new EngineSelector(NativeEnvironment.system(), threads, false, cpu);
        for (EngineKind kind : engines) {
            Engine engine;
            try {
                engine = selector.open(kind);
            } catch (EngineUnavailable e) {
                out.printf("%-9s unavailable: %s%n", kind.label(), e.getMessage());
                continue;
            }
            try (engine) {
                out.printf("%-9s %s; accuracy: max scaled error %.1e%n", kind.label(), engine.describe(), Accuracy.maxScaledError(engine));
                for (int n : sizes) {
                    measure(out, engine, n, kind == EngineKind.CUDA ? Double.NaN : peak);
                }
                if (engine instanceof CudaEngine cuda) {
                    gpuFigures(out, cuda);
                }
            }
            out.flush();
        }
        return 0;
    }

    private void measure(PrintWriter out, Engine engine, int n, double peak) {
        SplittableRandom random = new SplittableRandom(n);
        float[] a = new float[n * n];
        float[] b = new float[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextDouble(-1, 1);
            b[i] = (float) random.nextDouble(-1, 1);
        }
        List<Repetitions.Rep> reps = Repetitions.measure(() -> {
            engine.multiply(a, b, n, n, n);
            return 1;
        }, warmupSeconds, repSeconds, this.reps, 4 * this.reps);
        Repetitions.Summary s = Repetitions.summarize(reps);
        double flop = 2.0 * n * n * n / 1e9;
        out.printf(Locale.ROOT, "%-9s %6d %10.1f %9.1f %9.1f %9s %3d/%-3d  %s%n", engine.kind().label(), n, s.median() * flop,
                s.min() * flop, s.max() * flop, Double.isNaN(peak) ? "-" : String.format(Locale.ROOT, "%.0f %%", 100 * s.median() * flop / peak),
                s.clean(), s.total(), (s.contended() ? "contended: median of all reps, a lower bound; " : "") + "copies in/out included");
        out.flush();
    }

    private void gpuFigures(PrintWriter out, CudaEngine cuda) {
        double fp32Peak = cuda.fp32PeakGflops();
        double sgemm = cuda.deviceResidentGflops(gpuN, 2.0, false);
        double tf32 = cuda.deviceResidentGflops(gpuN, 2.0, true);
        out.printf(Locale.ROOT, "cuda      %6d %10.1f %9s %9s %9s %7s  device-resident SGEMM (cublasSgemm_v2); FP32 peak %.0f GFLOP/s%n",
                gpuN, sgemm, "-", "-", String.format(Locale.ROOT, "%.0f %%", 100 * sgemm / fp32Peak), "-", fp32Peak);
        out.printf(Locale.ROOT, "cuda      %6d %10.1f %9s %9s %9s %7s  device-resident TF32 (cublasGemmEx, COMPUTE_32F_FAST_TF32), %.1fx SGEMM%n",
                gpuN, tf32, "-", "-", "-", "-", tf32 / sgemm);
    }
}
