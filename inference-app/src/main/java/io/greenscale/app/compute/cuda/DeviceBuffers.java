package io.greenscale.app.compute.cuda;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** Device buffers for A, B and C and the host staging buffer, grown on demand; used on the GPU thread only. */
final class DeviceBuffers {
    private long a;
    private long b;
    private long c;
    private long capacityA;
    private long capacityB;
    private long capacityC;
    private MemorySegment stage = MemorySegment.NULL;

    void ensure(CudaDriver cu, long bytesA, long bytesB, long bytesC) {
        if (bytesA > capacityA) {
            if (capacityA > 0) {
                cu.free(a);
            }
            a = cu.malloc(bytesA);
            capacityA = bytesA;
        }
        if (bytesB > capacityB) {
            if (capacityB > 0) {
                cu.free(b);
            }
            b = cu.malloc(bytesB);
            capacityB = bytesB;
        }
        if (bytesC > capacityC) {
            if (capacityC > 0) {
                cu.free(c);
            }
            c = cu.malloc(bytesC);
            capacityC = bytesC;
        }
    }

    /** A host buffer of at least {@code bytes}; a grown one replaces the old, which the arena frees at close. */
    MemorySegment stage(Arena arena, long bytes) {
        if (stage.byteSize() < bytes) {
            stage = arena.allocate(bytes, 64);
        }
        return stage;
    }

    long a() {
        return a;
    }

    long b() {
        return b;
    }

    long c() {
        return c;
    }

    void free(CudaDriver cu) {
        if (capacityA > 0) {
            cu.free(a);
        }
        if (capacityB > 0) {
            cu.free(b);
        }
        if (capacityC > 0) {
            cu.free(c);
        }
        capacityA = capacityB = capacityC = 0;
    }
}
