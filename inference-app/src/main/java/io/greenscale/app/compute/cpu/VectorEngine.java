package io.greenscale.app.compute.cpu;

import io.greenscale.app.compute.ComputeFailure;
import io.greenscale.app.compute.Engine;
import io.greenscale.app.compute.EngineKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The last fallback, with no native dependency: the {@link VectorKernel}, rows of C split over
 * {@code threads} platform threads. Never plain loops: C2 does not auto-vectorise the GEMM inner loop,
 * which leaves them 10–20× slower.
 */
public final class VectorEngine implements Engine {
    private final int threads;
    private final String cpuModel;
    private final ExecutorService pool;

    public VectorEngine(int threads, String cpuModel) {
        this.threads = threads;
        this.cpuModel = cpuModel;
        this.pool = threads > 1
                ? Executors.newFixedThreadPool(threads, r -> Thread.ofPlatform().daemon(true).name("vector-gemm").unstarted(r))
                : null;
    }

    @Override
    public EngineKind kind() {
        return EngineKind.JAVA;
    }

    @Override
    public String device() {
        return cpuModel;
    }

    @Override
    public String describe() {
        return "Java Vector API " + VectorKernel.MR + "x" + VectorKernel.NR + " kernel (" + VectorKernel.S + ", " + threads + " thread(s))";
    }

    @Override
    public float[] multiply(float[] a, float[] b, int m, int n, int k) {
        float[] c = new float[m * n];
        // Splitting a small product costs more in hand-offs than it saves.
        if (pool == null || (long) m * n * k < 64L * 64 * 64 || m < 2 * VectorKernel.MR) {
            VectorKernel.rows(a, b, c, n, k, 0, m);
            return c;
        }
        int chunk = ((m + threads - 1) / threads + VectorKernel.MR - 1) / VectorKernel.MR * VectorKernel.MR;
        List<Future<?>> parts = new ArrayList<>();
        for (int r0 = 0; r0 < m; r0 += chunk) {
            int from = r0;
            int to = Math.min(m, r0 + chunk);
            parts.add(pool.submit(() -> VectorKernel.rows(a, b, c, n, k, from, to)));
        }
        try {
            for (Future<?> f : parts) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new ComputeFailure("vector kernel failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComputeFailure("interrupted", e);
        }
        return c;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
