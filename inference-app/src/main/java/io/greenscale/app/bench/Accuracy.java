package io.greenscale.app.bench;

import io.greenscale.app.compute.Engine;
import java.util.SplittableRandom;

/**
 * Checks an engine against a double-precision reference on sampled entries of an odd-shaped product
 * (300×200 · 200×100, so no size is a multiple of a tile). The error of an entry is scaled by
 * Σ|a·b| of its dot product, the bound FP32 accumulation is measured against: ~1e-7 is FP32 rounding,
 * TF32 inputs give ~1e-3.
 */
final class Accuracy {
    private Accuracy() {
    }

    static double maxScaledError(Engine engine) {
        int m = 300;
        int k = 200;
        int n = 100;
        SplittableRandom random = new SplittableRandom(7);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextDouble(-1, 1);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) random.nextDouble(-1, 1);
        }
        float[] c = engine.multiply(a, b, m, n, k);
        double worst = 0;
        for (int s = 0; s < 512; s++) {
            int i = random.nextInt(m);
            int j = random.nextInt(n);
            double ref = 0;
            double scale = 0;
            for (int p = 0; p < k; p++) {
                ref += (double) a[i * k + p] * b[p * n + j];
                scale += Math.abs((double) a[i * k + p] * b[p * n + j]);
            }
            worst = Math.max(worst, Math.abs(c[i * n + j] - ref) / scale);
        }
        return worst;
    }
}
