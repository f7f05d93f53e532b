package io.greenscale.app.compute.cuda;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

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
 * The CUDA driver API ({@code libcuda.so.1}, shipped with the driver, mounted into containers for the
 * {@code compute} capability). The driver API for context and memory keeps the app independent of
 * libcudart's major. C signatures (cuda.h; the exported {@code _v2} names are what the macros resolve to):
 * <pre>
 *   CUresult cuInit(unsigned int Flags);
 *   CUresult cuDriverGetVersion(int *driverVersion);                    // 13000 = 13.0
 *   CUresult cuDeviceGetCount(int *count);
 *   CUresult cuDeviceGet(CUdevice *device, int ordinal);                // CUdevice = int
 *   CUresult cuDeviceGetName(char *name, int len, CUdevice dev);
 *   CUresult cuDeviceTotalMem_v2(size_t *bytes, CUdevice dev);
 *   CUresult cuDeviceGetAttribute(int *pi, CUdevice_attribute attrib, CUdevice dev);  // 75/76 CC, 16 SMs
 *   CUresult cuDevicePrimaryCtxRetain(CUcontext *pctx, CUdevice dev);   // the context cuBLAS uses too
 *   CUresult cuDevicePrimaryCtxRelease_v2(CUdevice dev);
 *   CUresult cuCtxSetCurrent(CUcontext ctx);                            // per OS thread
 *   CUresult cuCtxSynchronize(void);
 *   CUresult cuMemAlloc_v2(CUdeviceptr *dptr, size_t bytesize);         // CUdeviceptr = unsigned long long
 *   CUresult cuMemFree_v2(CUdeviceptr dptr);
 *   CUresult cuMemcpyHtoD_v2(CUdeviceptr dstDevice, const void *srcHost, size_t ByteCount);
 *   CUresult cuMemcpyDtoH_v2(void *dstHost, CUdeviceptr srcDevice, size_t ByteCount);
 *   CUresult cuGetErrorString(CUresult error, const char **pStr);
 * </pre>
 * cuCtxCreate is deliberately absent: CUDA 13 maps it to a 4-argument {@code _v4}, CUDA 12 to a
 * 3-argument {@code _v2}; the primary-context calls are identical in both.
 */
final class CudaDriver {
    static final int ATTR_CLOCK_RATE_KHZ = 13;
    static final int ATTR_MULTIPROCESSORS = 16;
    static final int ATTR_CC_MAJOR = 75;
    static final int ATTR_CC_MINOR = 76;
    private static final int CUDA_ERROR_STUB_LIBRARY = 34;
    private static final int CUDA_ERROR_NO_DEVICE = 100;

    private final NativeLib lib;
    private final MethodHandle init;
    private final MethodHandle driverVersion;
    private final MethodHandle deviceCount;
    private final MethodHandle deviceGet;
    private final MethodHandle deviceName;
    private final MethodHandle totalMem;
    private final MethodHandle attribute;
    private final MethodHandle primaryRetain;
    private final MethodHandle primaryRelease;
    private final MethodHandle ctxSetCurrent;
    private final MethodHandle ctxSync;
    private final MethodHandle memAlloc;
    private final MethodHandle memFree;
    private final MethodHandle htod;
    private final MethodHandle dtoh;
    private final MethodHandle errorString;

    private CudaDriver(NativeLib lib) {
        this.lib = lib;
        init = lib.function("cuInit", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        driverVersion = lib.function("cuDriverGetVersion", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        deviceCount = lib.function("cuDeviceGetCount", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        deviceGet = lib.function("cuDeviceGet", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        deviceName = lib.function("cuDeviceGetName", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
        totalMem = lib.function("cuDeviceTotalMem_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        attribute = lib.function("cuDeviceGetAttribute", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
        primaryRetain = lib.function("cuDevicePrimaryCtxRetain", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        primaryRelease = lib.function("cuDevicePrimaryCtxRelease_v2", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        ctxSetCurrent = lib.function("cuCtxSetCurrent", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        ctxSync = lib.function("cuCtxSynchronize", FunctionDescriptor.of(JAVA_INT));
        memAlloc = lib.function("cuMemAlloc_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
        memFree = lib.function("cuMemFree_v2", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
        htod = lib.function("cuMemcpyHtoD_v2", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_LONG));
        dtoh = lib.function("cuMemcpyDtoH_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG));
        errorString = lib.function("cuGetErrorString", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
    }

    /** Loads libcuda.so.1 and runs cuInit(0); {@link EngineUnavailable} with the reason otherwise. */
    static CudaDriver open(LibrarySearch search) {
        NativeLib lib;
        try {
            lib = search.open();
        } catch (LibraryNotFound e) {
            throw new EngineUnavailable(EngineKind.CUDA, e.getMessage() + " (no NVIDIA driver here?)", e.attempts());
        }
        CudaDriver d;
        try {
            d = new CudaDriver(lib);
        } catch (UnsatisfiedLinkError e) {
            throw new EngineUnavailable(EngineKind.CUDA, lib.name() + " is not a usable CUDA driver: " + e.getMessage(), List.of());
        }
        int rc = d.call(() -> (int) d.init.invokeExact(0));
        if (rc != 0) {
            String hint = switch (rc) {
                case CUDA_ERROR_STUB_LIBRARY -> " - this is the toolkit's stub libcuda, not the driver";
                case CUDA_ERROR_NO_DEVICE -> " - no CUDA device visible (NVIDIA_VISIBLE_DEVICES, resource limits?)";
                default -> "";
            };
            throw new EngineUnavailable(EngineKind.CUDA, "cuInit failed: " + d.error(rc) + hint, List.of());
        }
        return d;
    }

    String path() {
        return lib.name();
    }

    String error(int rc) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment p = a.allocate(ADDRESS);
            int r = (int) errorString.invokeExact(rc, p);
            MemorySegment s = p.get(ADDRESS, 0);
            return rc + (r == 0 && s.address() != 0 ? " (" + s.reinterpret(256).getString(0) + ")" : "");
        } catch (Throwable t) {
            return Integer.toString(rc);
        }
    }

    private void check(int rc, String what) {
        if (rc != 0) {
            throw new ComputeFailure(what + " failed: CUresult " + error(rc));
        }
    }

    /** A downcall; invokeExact declares Throwable, which here can only be a native-linkage error. */
    interface Call {
        int run() throws Throwable;
    }

    private int call(Call c) {
        try {
            return c.run();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new ComputeFailure("CUDA driver call failed", t);
        }
    }

    private int intOut(String what, OutCall c) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(JAVA_INT);
            check(call(() -> c.run(v)), what);
            return v.get(JAVA_INT, 0);
        }
    }

    private long longOut(String what, OutCall c) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(JAVA_LONG);
            check(call(() -> c.run(v)), what);
            return v.get(JAVA_LONG, 0);
        }
    }

    interface OutCall {
        int run(MemorySegment out) throws Throwable;
    }

    int driverVersion() {
        return intOut("cuDriverGetVersion", v -> (int) driverVersion.invokeExact(v));
    }

    int deviceCount() {
        return intOut("cuDeviceGetCount", v -> (int) deviceCount.invokeExact(v));
    }

    int device(int ordinal) {
        return intOut("cuDeviceGet", v -> (int) deviceGet.invokeExact(v, ordinal));
    }

    String name(int dev) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment b = a.allocate(256);
            check(call(() -> (int) deviceName.invokeExact(b, 256, dev)), "cuDeviceGetName");
            return b.getString(0);
        }
    }

    long totalMemBytes(int dev) {
        return longOut("cuDeviceTotalMem_v2", v -> (int) totalMem.invokeExact(v, dev));
    }

    int attribute(int attr, int dev) {
        return intOut("cuDeviceGetAttribute", v -> (int) attribute.invokeExact(v, attr, dev));
    }

    MemorySegment retainPrimaryContext(int dev) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(ADDRESS);
            check(call(() -> (int) primaryRetain.invokeExact(v, dev)), "cuDevicePrimaryCtxRetain");
            return v.get(ADDRESS, 0);
        }
    }

    void releasePrimaryContext(int dev) {
        check(call(() -> (int) primaryRelease.invokeExact(dev)), "cuDevicePrimaryCtxRelease_v2");
    }

    void setCurrent(MemorySegment ctx) {
        check(call(() -> (int) ctxSetCurrent.invokeExact(ctx)), "cuCtxSetCurrent");
    }

    void synchronize() {
        check(call(() -> (int) ctxSync.invokeExact()), "cuCtxSynchronize");
    }

    long malloc(long bytes) {
        return longOut("cuMemAlloc_v2", v -> (int) memAlloc.invokeExact(v, bytes));
    }

    void free(long devicePointer) {
        check(call(() -> (int) memFree.invokeExact(devicePointer)), "cuMemFree_v2");
    }

    void copyToDevice(long dst, MemorySegment src, long bytes) {
        check(call(() -> (int) htod.invokeExact(dst, src, bytes)), "cuMemcpyHtoD_v2");
    }

    void copyToHost(MemorySegment dst, long src, long bytes) {
        check(call(() -> (int) dtoh.invokeExact(dst, src, bytes)), "cuMemcpyDtoH_v2");
    }
}
