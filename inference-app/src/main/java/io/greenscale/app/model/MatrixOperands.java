package io.greenscale.app.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The inputs of a matmul request: A and B of size n×n, uniform in [-1, 1) from a seed fixed per n, so
 * the checksum of a given n is the same on every replica and engine (up to float rounding). Drawing
 * them is O(n²) against the O(n³) product, yet at small n it would rival the product, so a few recent
 * sizes are kept, at most {@link #MAX_CACHED_FLOATS} floats in all.
 */
public final class MatrixOperands {
    static final long MAX_CACHED_FLOATS = 16L * 1024 * 1024; // 64 MiB

    public record Pair(float[] a, float[] b) {
    }

    private final Map<Integer, Pair> recent = new LinkedHashMap<>(8, 0.75f, true);
    private long cachedFloats;

    public Pair forSize(int n) {
        synchronized (this) {
            Pair p = recent.get(n);
            if (p != null) {
                return p;
            }
        }
        Pair p = new Pair(draw(n, 1_000_003L * n + 1), draw(n, 1_000_003L * n + 2));
        synchronized (this) {
            long size = 2L * n * n;
            if (size <= MAX_CACHED_FLOATS && !recent.containsKey(n)) {
                recent.put(n, p);
                cachedFloats += size;
                var it = recent.entrySet().iterator();
                while (cachedFloats > MAX_CACHED_FLOATS && it.hasNext()) {
                    var eldest = it.next();
                    cachedFloats -= 2L * eldest.getKey() * eldest.getKey();
                    it.remove();
                }
            }
        }
        return p;
    }

    private static float[] draw(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] m = new float[n * n];
        for (int i = 0; i < m.length; i++) {
            m[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return m;
    }
}
