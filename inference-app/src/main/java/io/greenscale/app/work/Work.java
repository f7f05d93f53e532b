package io.greenscale.app.work;

/** One unit of computation, validated, from an HTTP request or a queue job. */
public sealed interface Work {

    /** Floating-point operations it costs, for GFLOP/s figures. */
    long flops();

    /** {@code iterations} products of two n×n matrices. */
    record Matmul(int n, int iterations) implements Work {
        @Override
        public long flops() {
            return 2L * n * n * n * iterations;
        }
    }

    /**
     * A forward pass of the model over {@code rows} rows.
     *
     * @param inputs rows × width floats, row-major; owned by this value once built (never shared)
     */
    record Infer(float[] inputs, int rows, int width, long flopsPerRow) implements Work {
        @Override
        public long flops() {
            return flopsPerRow * rows;
        }
    }
}
