package io.greenscale.analysis.compute;

import io.greenscale.policy.config.Range;

/**
 * Values the user gives in place of run.json's (e.g. {@code --price}); null keeps run.json's.
 *
 * @param pricePerGpuHour in the report's currency per GPU-hour, in {@link #PRICE}
 * @param gpusPerReplica  GPUs each replica holds, in {@link #GPUS}
 * @param sloP95Millis    the latency SLO, ms, in {@link #SLO}
 */
public record Overrides(Double pricePerGpuHour, Double gpusPerReplica, Double sloP95Millis) {
    public static final Overrides NONE = new Overrides(null, null, null);
    public static final Range PRICE = Range.atLeast(0);
    public static final Range GPUS = Range.atLeast(0);
    public static final Range SLO = Range.above(0);

    public Overrides {
        check("cost.price_per_gpu_hour", pricePerGpuHour, PRICE);
        check("cost.gpus_per_replica", gpusPerReplica, GPUS);
        check("slo.p95_ms", sloP95Millis, SLO);
    }

    /** @throws IllegalArgumentException "name = value: must be in range" for a value outside its range */
    public static void check(String name, Double value, Range range) {
        if (value != null && (value.isNaN() || value.isInfinite() || !range.contains(value))) {
            throw new IllegalArgumentException(name + " = " + value + ": must be in " + range);
        }
    }
}
