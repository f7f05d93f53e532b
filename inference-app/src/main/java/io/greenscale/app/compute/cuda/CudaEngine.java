package io.greenscale.app.compute.cuda;

import io.greenscale.app.compute.Engine;
import io.greenscale.app.compute.EngineKind;
import io.greenscale.app.compute.EngineUnavailable;
import io.greenscale.app.compute.NativeEnvironment;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Locale;

/**
 * cuBLAS GEMM on device 0, every call on the {@link GpuThread}. One primary context, one handle, device
 * buffers grown on demand and reused; host data goes through one off-heap staging buffer, because a
 * Java array cannot be handed to a long-running downcall.
 */
public final class CudaEngine implements Engine {
    private final GpuThread gpu = new GpuThread();
    private final Arena arena = Arena.ofShared();
    private final boolean tf32;
    private CudaDriver cu;
    private Cublas blas;
    private int dev;
    private MemorySegment ctx;
    private MemorySegment handle;
    private MemorySegment alpha;
    private MemorySegment beta;
    private final DeviceBuffers buffers = new DeviceBuffers();
    private String deviceName;
    private String description;
    private double fp32PeakGflops = Double.NaN;

    private CudaEngine(boolean tf32) {
        this.tf32 = tf32;
    }

    /**
     * Opens the driver, device 0, its primary context and a cuBLAS handle whose major the driver
     * version chooses. {@code tf32}: products through cublasGemmEx on the tensor cores (≈10-bit mantissa inputs).
     *
     * @throws EngineUnavailable with the reason when any step is impossible here
     */
    public static CudaEngine open(NativeEnvironment environment, boolean tf32) {
        CudaEngine e = new CudaEngine(tf32);
        try {
            e.gpu.call(() -> {
                e.init(environment);
                return null;
            });
            return e;
        } catch (RuntimeException ex) {
            e.releaseAfterFailedInit();
            e.gpu.close();
            e.arena.close();
            throw ex instanceof EngineUnavailable u ? u : new EngineUnavailable(EngineKind.CUDA, ex.getMessage(), List.of());
        }
    }

    /** A retained primary context holds hundreds of MiB of GPU memory: give it back when cuBLAS could not follow. */
    private void releaseAfterFailedInit() {
        if (ctx == null) {
            return;
        }
        try {
            gpu.call(() -> {
                if (handle != null) {
                    blas.destroyHandle(handle);
                }
                cu.releasePrimaryContext(dev);
                return null;
            });
        } catch (RuntimeException ignored) {
            // the engine is being abandoned; the reason already reported is the first failure
        }
    }

    private void init(NativeEnvironment environment) {
        cu = CudaDriver.open(environment.cudaDriver());
        int driverVersion = cu.driverVersion();
        if (cu.deviceCount() < 1) {
            throw new EngineUnavailable(EngineKind.CUDA, "cuDeviceGetCount = 0: no CUDA device visible", List.of());
        }
        dev = cu.device(0);
        deviceName = cu.name(dev);
        long totalMem = cu.totalMemBytes(dev);
        int ccMajor = cu.attribute(CudaDriver.ATTR_CC_MAJOR, dev);
        int ccMinor = cu.attribute(CudaDriver.ATTR_CC_MINOR, dev);
        int sms = cu.attribute(CudaDriver.ATTR_MULTIPROCESSORS, dev);
        fp32PeakGflops = fp32Peak(ccMajor, ccMinor, sms, clockKhz(dev));
        ctx = cu.retainPrimaryContext(dev);
        cu.setCurrent(ctx);
        blas = Cublas.open(environment.cublas(driverVersion));
        handle = blas.createHandle();
        int v = blas.version(handle);
        blas.mathMode(handle, tf32 ? Cublas.TF32_TENSOR_OP_MATH : Cublas.DEFAULT_MATH);
        alpha = arena.allocateFrom(ValueLayout.JAVA_FLOAT, 1f);
        beta = arena.allocateFrom(ValueLayout.JAVA_FLOAT, 0f);
        description = String.format(Locale.ROOT, "cuBLAS %d.%d.%d (%s, %s) on %s, CC %d.%d, %d SMs, %.1f GiB, driver CUDA %d.%d, %s",
                v / 10000, v / 100 % 100, v % 100, blas.path(), cu.path(), deviceName, ccMajor, ccMinor, sms,
                totalMem / (1024.0 * 1024 * 1024), driverVersion / 1000, driverVersion % 1000 / 10,
                tf32 ? "TF32 tensor cores (cublasGemmEx)" : "FP32 (cublasSgemm_v2)");
    }

    /** Boost clock in kHz; NaN where the driver no longer reports it (the attribute is deprecated in CUDA 13). */
    private double clockKhz(int device) {
        try {
            return cu.attribute(CudaDriver.ATTR_CLOCK_RATE_KHZ, device);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** FP32 lanes per SM × 2 FLOP per FMA × SMs × clock: 64 lanes up to CC 8.0, 128 from CC 8.6 (Ampere GA10x, Ada, Hopper, Blackwell). */
    static double fp32Peak(int ccMajor, int ccMinor, int sms, double clockKhz) {
        int lanes = ccMajor > 8 || (ccMajor == 8 && ccMinor >= 6) ? 128 : 64;
        return lanes * 2.0 * sms * clockKhz / 1e6;
    }

    /** The GPU's nominal FP32 peak in GFLOP/s (not the tensor-core TF32 peak), NaN when the clock is unknown. */
    public double fp32PeakGflops() {
        return fp32PeakGflops;
    }

    @Override
    public EngineKind kind() {
        return EngineKind.CUDA;
    }

    @Override
    public String device() {
        return deviceName;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public float[] multiply(float[] a, float[] b, int m, int n, int k) {
        return gpu.call(() -> {
            long ba = 4L * m * k;
            long bb = 4L * k * n;
            long bc = 4L * m * n;
            buffers.ensure(cu, ba, bb, bc);
            MemorySegment stage = buffers.stage(arena, Math.max(ba, Math.max(bb, bc)));
            MemorySegment.copy(a, 0, stage, ValueLayout.JAVA_FLOAT, 0, m * k);
            cu.copyToDevice(buffers.a(), stage, ba);
            MemorySegment.copy(b, 0, stage, ValueLayout.JAVA_FLOAT, 0, k * n);
            cu.copyToDevice(buffers.b(), stage, bb);
            gemm(m, n, k, tf32);
            cu.copyToHost(stage, buffers.c(), bc); // synchronous: also waits for the GEMM
            float[] c = new float[m * n];
            MemorySegment.copy(stage, ValueLayout.JAVA_FLOAT, 0, c, 0, m * n);
            return c;
        });
    }

    /**
     * Device-resident n×n GEMM throughput in GFLOP/s: batches of 10 calls until {@code seconds} have
     * passed, long enough for NVML's sampling to see the load. Inputs are zeros: speed does not depend on values.
     */
    public double deviceResidentGflops(int n, double seconds, boolean useTf32) {
        return gpu.call(() -> {
            long bytes = 4L * n * n;
            buffers.ensure(cu, bytes, bytes, bytes);
            MemorySegment stage = buffers.stage(arena, bytes);
            stage.asSlice(0, bytes).fill((byte) 0);
            cu.copyToDevice(buffers.a(), stage, bytes);
            cu.copyToDevice(buffers.b(), stage, bytes);
            for (int i = 0; i < 3; i++) {
                gemm(n, n, n, useTf32); // kernel selection, lazy module loading
            }
            cu.synchronize();
            long t0 = System.nanoTime();
            long calls = 0;
            double s;
            do {
                for (int i = 0; i < 10; i++) {
                    gemm(n, n, n, useTf32);
                }
                cu.synchronize();
                calls += 10;
                s = (System.nanoTime() - t0) / 1e9;
            } while (s < seconds);
            return 2.0 * n * n * (double) n * calls / s / 1e9;
        });
    }

    private void gemm(int m, int n, int k, boolean useTf32) {
        if (useTf32) {
            blas.gemmExRowMajor(handle, m, n, k, alpha, buffers.a(), buffers.b(), beta, buffers.c(), Cublas.COMPUTE_32F_FAST_TF32);
        } else {
            blas.sgemmRowMajor(handle, m, n, k, alpha, buffers.a(), buffers.b(), beta, buffers.c());
        }
    }

    @Override
    public void close() {
        try {
            gpu.call(() -> {
                buffers.free(cu);
                blas.destroyHandle(handle);
                cu.releasePrimaryContext(dev);
                return null;
            });
        } finally {
            gpu.close();
            arena.close();
        }
    }
}
