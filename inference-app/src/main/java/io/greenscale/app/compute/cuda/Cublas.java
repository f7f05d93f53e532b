package io.greenscale.app.compute.cuda;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import io.greenscale.app.compute.ComputeFailure;
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
 * cuBLAS ({@code libcublas.so.13} for CUDA 13, {@code .so.12} for CUDA 12; each needs
 * {@code libcublasLt.so.N} beside it). C signatures (cublas_api.h):
 * <pre>
 *   cublasStatus_t cublasCreate_v2(cublasHandle_t *handle);             // cublasHandle_t = pointer
 *   cublasStatus_t cublasDestroy_v2(cublasHandle_t handle);
 *   cublasStatus_t cublasGetVersion_v2(cublasHandle_t handle, int *version);  // 130000 = 13.0.0
 *   cublasStatus_t cublasSetMathMode(cublasHandle_t handle, cublasMath_t mode);
 *   const char*    cublasGetStatusString(cublasStatus_t status);
 *   cublasStatus_t cublasSgemm_v2(cublasHandle_t handle, cublasOperation_t transa, cublasOperation_t transb,
 *                                 int m, int n, int k, const float *alpha, const float *A, int lda,
 *                                 const float *B, int ldb, const float *beta, float *C, int ldc);
 *   cublasStatus_t cublasGemmEx(cublasHandle_t handle, cublasOperation_t transa, cublasOperation_t transb,
 *                               int m, int n, int k, const void *alpha, const void *A, cudaDataType Atype, int lda,
 *                               const void *B, cudaDataType Btype, int ldb, const void *beta, void *C,
 *                               cudaDataType Ctype, int ldc, cublasComputeType_t computeType, cublasGemmAlgo_t algo);
 * </pre>
 * cuBLAS is column-major: row-major {@code C = A·B} is computed as {@code Cᵀ = Bᵀ·Aᵀ}, i.e.
 * {@code sgemm(N, N, n, m, k, B, n, A, k, C, n)}. alpha and beta are host pointers (the default pointer mode).
 */
final class Cublas {
    static final int OP_N = 0;
    static final int R_32F = 0;
    static final int COMPUTE_32F = 68;
    static final int COMPUTE_32F_FAST_TF32 = 77;
    static final int GEMM_DEFAULT = -1;
    static final int DEFAULT_MATH = 0;
    static final int TF32_TENSOR_OP_MATH = 3;

    private final NativeLib lib;
    private final MethodHandle create;
    private final MethodHandle destroy;
    private final MethodHandle version;
    private final MethodHandle setMathMode;
    private final MethodHandle statusString;
    private final MethodHandle sgemm;
    private final MethodHandle gemmEx;

    private Cublas(NativeLib lib) {
        this.lib = lib;
        create = lib.function("cublasCreate_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        destroy = lib.function("cublasDestroy_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        version = lib.function("cublasGetVersion_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        setMathMode = lib.function("cublasSetMathMode", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        statusString = lib.function("cublasGetStatusString", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        sgemm = lib.function("cublasSgemm_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT,
                JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
        gemmEx = lib.function("cublasGemmEx", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT,
                JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT,
                ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    }

    /** Opens the first usable library of {@code search} (whose sonames the driver version chose). */
    static Cublas open(LibrarySearch search) {
        NativeLib lib;
        try {
            lib = search.open();
        } catch (LibraryNotFound e) {
            throw new EngineUnavailable(EngineKind.CUDA, "no loadable " + e.getMessage().replace(" not loadable", ""), e.attempts());
        }
        try {
            return new Cublas(lib);
        } catch (UnsatisfiedLinkError e) {
            throw new EngineUnavailable(EngineKind.CUDA, lib.name() + " is not a usable cuBLAS: " + e.getMessage(), List.of());
        }
    }

    String path() {
        return lib.name();
    }

    String status(int st) {
        try {
            MemorySegment s = (MemorySegment) statusString.invokeExact(st);
            return st + " (" + s.reinterpret(256).getString(0) + ")";
        } catch (Throwable t) {
            return Integer.toString(st);
        }
    }

    private void check(CudaDriver.Call c, String what) {
        int st;
        try {
            st = c.run();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new ComputeFailure(what + " failed", t);
        }
        if (st != 0) {
            throw new ComputeFailure(what + " failed: cublasStatus " + status(st));
        }
    }

    MemorySegment createHandle() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment h = a.allocate(ADDRESS);
            check(() -> (int) create.invokeExact(h), "cublasCreate_v2");
            return h.get(ADDRESS, 0);
        }
    }

    void destroyHandle(MemorySegment h) {
        check(() -> (int) destroy.invokeExact(h), "cublasDestroy_v2");
    }

    int version(MemorySegment h) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(JAVA_INT);
            check(() -> (int) version.invokeExact(h, v), "cublasGetVersion_v2");
            return v.get(JAVA_INT, 0);
        }
    }

    void mathMode(MemorySegment h, int mode) {
        check(() -> (int) setMathMode.invokeExact(h, mode), "cublasSetMathMode");
    }

    /** Row-major {@code C[m×n] = A[m×k]·B[k×n]}, FP32 on the CUDA cores; all three are device pointers. */
    void sgemmRowMajor(MemorySegment h, int m, int n, int k, MemorySegment alpha, long dA, long dB, MemorySegment beta, long dC) {
        check(() -> (int) sgemm.invokeExact(h, OP_N, OP_N, n, m, k, alpha, MemorySegment.ofAddress(dB), n,
                MemorySegment.ofAddress(dA), k, beta, MemorySegment.ofAddress(dC), n), "cublasSgemm_v2");
    }

    /** The same product through cublasGemmEx with a chosen compute type (TF32 uses the tensor cores). */
    void gemmExRowMajor(MemorySegment h, int m, int n, int k, MemorySegment alpha, long dA, long dB, MemorySegment beta,
                        long dC, int computeType) {
        check(() -> (int) gemmEx.invokeExact(h, OP_N, OP_N, n, m, k, alpha, MemorySegment.ofAddress(dB), R_32F, n,
                MemorySegment.ofAddress(dA), R_32F, k, beta, MemorySegment.ofAddress(dC), R_32F, n,
                computeType, GEMM_DEFAULT), "cublasGemmEx");
    }
}
