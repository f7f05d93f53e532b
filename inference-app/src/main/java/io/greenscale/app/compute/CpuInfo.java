package io.greenscale.app.compute;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The CPU as Linux reports it. {@code mhz} is the clock in /proc/cpuinfo, which under a hypervisor is
 * usually the base clock (the vCPU may boost above it), so peaks computed from it are nominal.
 *
 * @param cpus the processors this JVM may use (container limits included)
 */
public record CpuInfo(String model, int cpus, OptionalDouble mhz, boolean fma, boolean avx2) {

    public static CpuInfo read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
        } catch (IOException e) {
            lines = List.of();
        }
        return parse(lines, Runtime.getRuntime().availableProcessors());
    }

    static CpuInfo parse(List<String> cpuinfo, int cpus) {
        String model = System.getProperty("os.arch");
        OptionalDouble mhz = OptionalDouble.empty();
        boolean fma = false;
        boolean avx2 = false;
        for (String line : cpuinfo) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "model name" -> model = value;
                case "cpu mhz" -> {
                    if (mhz.isEmpty()) {
                        mhz = OptionalDouble.of(Double.parseDouble(value));
                    }
                }
                case "flags" -> {
                    List<String> flags = List.of(value.split("\\s+"));
                    fma = flags.contains("fma");
                    avx2 = flags.contains("avx2");
                }
                default -> {
                }
            }
        }
        return new CpuInfo(model, cpus, mhz, fma, avx2);
    }

    /**
     * Nominal single-precision peak in GFLOP/s: cpus × 2 FMA pipes × 8 fp32 lanes (256 bits) × 2 FLOP × clock.
     * Two 256-bit FMA pipes per core is what AVX2 cores (Zen 2–4, Haswell and later client cores) have;
     * cores with two 512-bit pipes have twice this. Empty when the clock is unknown.
     */
    public OptionalDouble nominalPeakGflops() {
        if (mhz.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(cpus * 2.0 * 8 * 2 * mhz.getAsDouble() / 1000.0);
    }
}
