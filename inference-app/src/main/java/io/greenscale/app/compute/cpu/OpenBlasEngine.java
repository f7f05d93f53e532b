package io.greenscale.app.compute.cpu;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import io.greenscale.app.compute.ComputeFailure;
import io.greenscale.app.compute.Engine;
import io.greenscale.app.compute.EngineKind;
import io.greenscale.app.compute.EngineUnavailable;
import io.greenscale.app.compute.natives.LibraryNotFound;
import io.greenscale.app.compute.natives.LibrarySearch;
import io.greenscale.app.compute.natives.NativeLib;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * OpenBLAS's CBLAS through FFM (Debian: libopenblas0-pthread → libopenblas.so.0):
 * <pre>
 *   void cblas_sgemm(CBLAS_ORDER order, CBLAS_TRANSPOSE ta, CBLAS_TRANSPOSE tb, blasint M, blasint N, blasint K,
 *                    float alpha, const float *A, blasint lda, const float *B, blasint ldb,
 *                    float beta, float *C, blasint ldc);        // CblasRowMajor = 101, CblasNoTrans = 111
 *   void openblas_set_num_threads(int num_threads);
 *   char* openblas_get_corename(void);
 * </pre>
 * Operands are copied into per-thread off-heap buffers (O(n²) against the O(n³) product) because a
 * Java array cannot be handed to a long-running downcall.
 */
public final class OpenBlasEngine implements Engine {
    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANS = 111;

    private final NativeLib lib;
    private final MethodHandle sgemm;
    private final int threads;
    private final String core;
    private final String cpuModel;
    private final ThreadLocal<Buffers> buffers = ThreadLocal.withInitial(Buffers::new);

    private OpenBlasEngine(NativeLib lib, int threads, String cpuModel) throws Throwable {
        this.lib = lib;
        this.threads = threads;
        this.cpuModel = cpuModel;
        sgemm = lib.function("cblas_sgemm", FunctionDescriptor.ofVoid(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
                JAVA_INT, JAVA_FLOAT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_FLOAT, ADDRESS, JAVA_INT));
        MethodHandle setThreads = lib.function("openblas_set_num_threads", FunctionDescriptor.ofVoid(JAVA_INT));
        MethodHandle corename = lib.function("openblas_get_corename", FunctionDescriptor.of(ADDRESS));
        setThreads.invokeExact(threads);
        core = ((MemorySegment) corename.invokeExact()).reinterpret(64).getString(0);
    }

    /** @throws EngineUnavailable when no libopenblas.so.0 opens, or the one that opens is not OpenBLAS */
    public static OpenBlasEngine open(LibrarySearch search, int threads, String cpuModel) {
        NativeLib lib;
        try {
            lib = search.open();
        } catch (LibraryNotFound e) {
            throw new EngineUnavailable(EngineKind.OPENBLAS, e.getMessage() + " (install libopenblas0-pthread)", e.attempts());
        }
        try {
            return new OpenBlasEngine(lib, threads, cpuModel);
        } catch (UnsatisfiedLinkError e) {
            throw new EngineUnavailable(EngineKind.OPENBLAS, lib.name() + " is not a usable OpenBLAS: " + e.getMessage(), List.of());
        } catch (Throwable t) {
            throw new EngineUnavailable(EngineKind.OPENBLAS, lib.name() + " failed to initialise: " + t, List.of());
        }
    }

    @Override
    public EngineKind kind() {
        return EngineKind.OPENBLAS;
    }

    @Override
    public String device() {
        return cpuModel;
    }

    @Override
    public String describe() {
        return "OpenBLAS cblas_sgemm via FFM (" + lib.name() + ", kernel " + core + ", " + threads + " thread(s))";
    }

    @Override
    public float[] multiply(float[] a, float[] b, int m, int n, int k) {
        Buffers buf = buffers.get();
        MemorySegment sa = buf.a(4L * m * k);
        MemorySegment sb = buf.b(4L * k * n);
        MemorySegment sc = buf.c(4L * m * n);
        MemorySegment.copy(a, 0, sa, JAVA_FLOAT, 0, m * k);
        MemorySegment.copy(b, 0, sb, JAVA_FLOAT, 0, k * n);
        try {
            sgemm.invokeExact(ROW_MAJOR, NO_TRANS, NO_TRANS, m, n, k, 1f, sa, k, sb, n, 0f, sc, n);
        } catch (Throwable t) {
            throw new ComputeFailure("cblas_sgemm failed", t);
        }
        float[] c = new float[m * n];
        MemorySegment.copy(sc, JAVA_FLOAT, 0, c, 0, m * n);
        return c;
    }

    /** Off-heap operands of one thread, grown on demand and freed by the GC with the thread's buffers. */
    private static final class Buffers {
        private MemorySegment a = MemorySegment.NULL;
        private MemorySegment b = MemorySegment.NULL;
        private MemorySegment c = MemorySegment.NULL;

        MemorySegment a(long bytes) {
            return a = grow(a, bytes);
        }

        MemorySegment b(long bytes) {
            return b = grow(b, bytes);
        }

        MemorySegment c(long bytes) {
            return c = grow(c, bytes);
        }

        private MemorySegment grow(MemorySegment s, long bytes) {
            return s.byteSize() >= bytes ? s : Arena.ofAuto().allocate(bytes, 64);
        }
    }
}
