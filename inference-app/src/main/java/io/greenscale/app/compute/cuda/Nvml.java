package io.greenscale.app.compute.cuda;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.greenscale.app.compute.ComputeFailure;
import io.greenscale.app.compute.natives.NativeLib;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * NVML ({@code libnvidia-ml.so.1}, shipped with the driver, mounted for the {@code utility}
 * capability, so it works even where the compute path fell back to the CPU). C signatures (nvml.h, API 13):
 * <pre>
 *   nvmlReturn_t nvmlInit_v2(void);
 *   nvmlReturn_t nvmlShutdown(void);
 *   const char*  nvmlErrorString(nvmlReturn_t result);
 *   nvmlReturn_t nvmlDeviceGetCount_v2(unsigned int *deviceCount);
 *   nvmlReturn_t nvmlDeviceGetHandleByIndex_v2(unsigned int index, nvmlDevice_t *device);  // pointer
 *   nvmlReturn_t nvmlDeviceGetName(nvmlDevice_t device, char *name, unsigned int length);
 *   nvmlReturn_t nvmlDeviceGetUtilizationRates(nvmlDevice_t device, nvmlUtilization_t *utilization);
 *   nvmlReturn_t nvmlDeviceGetMemoryInfo(nvmlDevice_t device, nvmlMemory_t *memory);
 *   typedef struct { unsigned int gpu, memory; } nvmlUtilization_t;             // 8 bytes, percent
 *   typedef struct { unsigned long long total, free, used; } nvmlMemory_t;       // 24 bytes, bytes
 * </pre>
 * {@code utilization.gpu} is a duty cycle: the share of the last sample period (1/6 s to 1 s) in which
 * any kernel ran, not a share of the FLOP rate.
 */
final class Nvml {
    static final int NOT_SUPPORTED = 3;
    private static final StructLayout UTILIZATION = MemoryLayout.structLayout(
            JAVA_INT.withName("gpu"), JAVA_INT.withName("memory")).withName("nvmlUtilization_t");
    private static final StructLayout MEMORY = MemoryLayout.structLayout(
            JAVA_LONG.withName("total"), JAVA_LONG.withName("free"), JAVA_LONG.withName("used")).withName("nvmlMemory_t");
    private static final VarHandle U_GPU = UTILIZATION.varHandle(MemoryLayout.PathElement.groupElement("gpu"));
    private static final VarHandle M_TOTAL = MEMORY.varHandle(MemoryLayout.PathElement.groupElement("total"));
    private static final VarHandle M_USED = MEMORY.varHandle(MemoryLayout.PathElement.groupElement("used"));

    record Memory(long totalBytes, long usedBytes) {
    }

    private final NativeLib lib;
    private final MethodHandle init;
    private final MethodHandle shutdown;
    private final MethodHandle errorString;
    private final MethodHandle count;
    private final MethodHandle handleByIndex;
    private final MethodHandle name;
    private final MethodHandle util;
    private final MethodHandle mem;

    /** Binds every symbol; UnsatisfiedLinkError when {@code lib} is not NVML. */
    Nvml(NativeLib lib) {
        this.lib = lib;
        init = lib.function("nvmlInit_v2", FunctionDescriptor.of(JAVA_INT));
        shutdown = lib.function("nvmlShutdown", FunctionDescriptor.of(JAVA_INT));
        errorString = lib.function("nvmlErrorString", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        count = lib.function("nvmlDeviceGetCount_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        handleByIndex = lib.function("nvmlDeviceGetHandleByIndex_v2", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
        name = lib.function("nvmlDeviceGetName", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
        util = lib.function("nvmlDeviceGetUtilizationRates", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        mem = lib.function("nvmlDeviceGetMemoryInfo", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    }

    String path() {
        return lib.name();
    }

    /** @return the nvmlReturn_t (0 = success) */
    int init() {
        return call(() -> (int) init.invokeExact());
    }

    void shutdown() {
        call(() -> (int) shutdown.invokeExact());
    }

    String error(int rc) {
        try {
            MemorySegment s = (MemorySegment) errorString.invokeExact(rc);
            return rc + " (" + s.reinterpret(256).getString(0) + ")";
        } catch (Throwable t) {
            return Integer.toString(rc);
        }
    }

    private static int call(CudaDriver.Call c) {
        try {
            return c.run();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new ComputeFailure("NVML call failed", t);
        }
    }

    private void check(int rc, String what) {
        if (rc != 0) {
            throw new ComputeFailure(what + " failed: " + error(rc));
        }
    }

    int deviceCount() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment c = a.allocate(JAVA_INT);
            check(call(() -> (int) count.invokeExact(c)), "nvmlDeviceGetCount_v2");
            return c.get(JAVA_INT, 0);
        }
    }

    /** An opaque nvmlDevice_t, valid until nvmlShutdown. */
    MemorySegment device(int index) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment h = a.allocate(ADDRESS);
            check(call(() -> (int) handleByIndex.invokeExact(index, h)), "nvmlDeviceGetHandleByIndex_v2");
            return h.get(ADDRESS, 0);
        }
    }

    String name(MemorySegment dev) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(96);
            check(call(() -> (int) name.invokeExact(dev, buf, 96)), "nvmlDeviceGetName");
            return buf.getString(0);
        }
    }

    /** GPU duty cycle in percent, or -1 where NVML does not support it (MIG partitions). */
    int utilizationPercent(MemorySegment dev) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment u = a.allocate(UTILIZATION);
            int rc = call(() -> (int) util.invokeExact(dev, u));
            if (rc == NOT_SUPPORTED) {
                return -1;
            }
            check(rc, "nvmlDeviceGetUtilizationRates");
            return (int) U_GPU.get(u, 0L);
        }
    }

    Memory memory(MemorySegment dev) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment m = a.allocate(MEMORY);
            check(call(() -> (int) mem.invokeExact(dev, m)), "nvmlDeviceGetMemoryInfo");
            return new Memory((long) M_TOTAL.get(m, 0L), (long) M_USED.get(m, 0L));
        }
    }
}
