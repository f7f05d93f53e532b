package io.greenscale.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Repeated timings of one operation: warm-up, then repetitions of at least {@code minRepNanos} each,
 * each tagged clean or contended by {@link MachineLoad}. The figure is the median of the clean ones
 * when there are at least 3, else the median of all, marked as a lower bound.
 */
final class Repetitions {
    static final double CONTENDED_CPUS = 0.15;

    record Rep(double perSecond, double othersCpus) {
        boolean clean() {
            return !(othersCpus > CONTENDED_CPUS);
        }
    }

    record Summary(double median, double min, double max, int clean, int total, boolean contended) {
    }

    /**
     * @param operation runs once and returns how many units it did (e.g. 1 product); the rate is units per second
     */
    static List<Rep> measure(IntSupplier operation, double warmupSeconds, double minRepSeconds, int reps, int maxAttempts) {
        long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        int warmCalls = 0;
        while (System.nanoTime() < warmEnd || warmCalls < 2) {
            operation.getAsInt();
            warmCalls++;
        }
        List<Rep> out = new ArrayList<>();
        int clean = 0;
        for (int attempt = 0; attempt < maxAttempts && clean < reps; attempt++) {
            MachineLoad before = MachineLoad.now();
            long t0 = System.nanoTime();
            long units = 0;
            do {
                units += operation.getAsInt();
            } while (System.nanoTime() - t0 < minRepSeconds * 1e9);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Rep r = new Rep(units / seconds, MachineLoad.now().othersSince(before));
            out.add(r);
            if (r.clean()) {
                clean++;
            }
        }
        return out;
    }

    static Summary summarize(List<Rep> reps) {
        List<Double> clean = reps.stream().filter(Rep::clean).map(Rep::perSecond).sorted().toList();
        boolean contended = clean.size() < 3;
        List<Double> used = contended ? reps.stream().map(Rep::perSecond).sorted().toList() : clean;
        return new Summary(median(used), used.getFirst(), used.getLast(), clean.size(), reps.size(), contended);
    }

    static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
