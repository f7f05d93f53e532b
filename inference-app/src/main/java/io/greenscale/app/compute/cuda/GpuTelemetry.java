package io.greenscale.app.compute.cuda;

import io.greenscale.app.compute.NativeEnvironment;
import io.greenscale.app.compute.natives.LibraryNotFound;
import io.greenscale.app.compute.natives.NativeLib;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * GPU utilisation and memory per device, read through NVML at scrape time. {@link #open} fails with
 * the reason where there is no NVIDIA driver; the metrics are then simply absent.
 */
public final class GpuTelemetry implements AutoCloseable {

    /** One device at one instant; {@code utilization} is empty where NVML cannot tell (MIG). */
    public record Sample(String gpu, String name, OptionalDouble utilizationRatio, long memoryUsedBytes, long memoryTotalBytes) {
    }

    private final Nvml nvml;
    private final List<MemorySegment> devices;
    private final List<String> names;

    private GpuTelemetry(Nvml nvml, List<MemorySegment> devices, List<String> names) {
        this.nvml = nvml;
        this.devices = devices;
        this.names = names;
    }

    /** @throws IllegalStateException with the one-line reason when NVML is not usable here */
    public static GpuTelemetry open(NativeEnvironment environment) {
        NativeLib lib;
        try {
            lib = environment.nvml().open();
        } catch (LibraryNotFound e) {
            throw new IllegalStateException(e.getMessage());
        }
        Nvml nvml;
        try {
            nvml = new Nvml(lib);
        } catch (UnsatisfiedLinkError e) {
            throw new IllegalStateException(lib.name() + " is not a usable NVML: " + e.getMessage());
        }
        int rc = nvml.init();
        if (rc != 0) {
            throw new IllegalStateException("nvmlInit_v2 failed: " + nvml.error(rc));
        }
        List<MemorySegment> devices = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < nvml.deviceCount(); i++) {
            MemorySegment d = nvml.device(i);
            devices.add(d);
            names.add(nvml.name(d));
        }
        return new GpuTelemetry(nvml, List.copyOf(devices), List.copyOf(names));
    }

    public String describe() {
        return "NVML " + nvml.path() + ", " + devices.size() + " GPU(s): " + String.join(", ", names);
    }

    public List<Sample> sample() {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            MemorySegment d = devices.get(i);
            int percent = nvml.utilizationPercent(d);
            Nvml.Memory m = nvml.memory(d);
            out.add(new Sample(Integer.toString(i), names.get(i),
                    percent < 0 ? OptionalDouble.empty() : OptionalDouble.of(percent / 100.0), m.usedBytes(), m.totalBytes()));
        }
        return out;
    }

    @Override
    public void close() {
        nvml.shutdown();
    }
}
