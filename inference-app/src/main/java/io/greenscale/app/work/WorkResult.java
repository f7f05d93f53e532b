package io.greenscale.app.work;

/** What a computation produced, before timing is attached. */
public sealed interface WorkResult {

    /** @param checksum the sum of C's elements, in double precision (the same n gives the same sum on every engine, to float rounding) */
    record Matmul(int n, int iterations, double checksum) implements WorkResult {
    }

    /** @param outputs rows × width, row-major */
    record Infer(float[] outputs, int rows, int width) implements WorkResult {

        public float[][] asRows() {
            float[][] out = new float[rows][width];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(outputs, r * width, out[r], 0, width);
            }
            return out;
        }
    }
}
