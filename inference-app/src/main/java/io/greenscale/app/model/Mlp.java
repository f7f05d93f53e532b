package io.greenscale.app.model;

import io.greenscale.app.compute.Engine;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A stand-in model: dense layers with ReLU between them (none after the last), weights drawn from a
 * fixed seed so every replica computes the same function. Every layer's product goes through the
 * engine with batch = the rows sent, so a request costs what the engine makes it cost.
 */
public final class Mlp {
    /** 256 → 1024 → 1024 → 256: about 3.1 MFLOP per row. */
    public static final List<Integer> DEFAULT_WIDTHS = List.of(256, 1024, 1024, 256);

    private final List<Integer> widths;
    private final float[][] weights;
    private final float[][] biases;

    private Mlp(List<Integer> widths, float[][] weights, float[][] biases) {
        this.widths = widths;
        this.weights = weights;
        this.biases = biases;
    }

    /** He-uniform weights (variance 2/fan-in keeps activations at a stable scale through the ReLUs), small biases. */
    public static Mlp seeded(long seed, List<Integer> widths) {
        if (widths.size() < 2) {
            throw new IllegalArgumentException("an MLP needs at least an input and an output width: " + widths);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int layers = widths.size() - 1;
        float[][] w = new float[layers][];
        float[][] b = new float[layers][];
        for (int l = 0; l < layers; l++) {
            int in = widths.get(l);
            int out = widths.get(l + 1);
            double bound = Math.sqrt(6.0 / in);
            w[l] = new float[in * out];
            for (int i = 0; i < w[l].length; i++) {
                w[l][i] = (float) random.nextDouble(-bound, bound);
            }
            b[l] = new float[out];
            for (int i = 0; i < out; i++) {
                b[l][i] = (float) random.nextDouble(-0.01, 0.01);
            }
        }
        return new Mlp(List.copyOf(widths), w, b);
    }

    public int inputWidth() {
        return widths.getFirst();
    }

    public int outputWidth() {
        return widths.getLast();
    }

    public List<Integer> widths() {
        return widths;
    }

    /** Multiply-adds × 2 for one row. */
    public long flopsPerRow() {
        long f = 0;
        for (int l = 0; l + 1 < widths.size(); l++) {
            f += 2L * widths.get(l) * widths.get(l + 1);
        }
        return f;
    }

    /** @param input rows × inputWidth, row-major; @return rows × outputWidth */
    public float[] forward(Engine engine, float[] input, int rows) {
        float[] x = input;
        for (int l = 0; l < weights.length; l++) {
            int in = widths.get(l);
            int out = widths.get(l + 1);
            float[] y = engine.multiply(x, weights[l], rows, out, in);
            boolean relu = l + 1 < weights.length;
            float[] bias = biases[l];
            for (int r = 0; r < rows; r++) {
                int o = r * out;
                for (int j = 0; j < out; j++) {
                    float v = y[o + j] + bias[j];
                    y[o + j] = relu && v < 0f ? 0f : v;
                }
            }
            x = y;
        }
        return x;
    }
}
