package io.greenscale.app.compute;

/**
 * Single-precision matrix multiplication, row-major: {@code C[m×n] = A[m×k] · B[k×n]}. One engine is
 * chosen at start-up; it is safe to call from several threads at once (the cuda engine serialises
 * on its own thread, the CPU engines keep per-thread buffers).
 */
public interface Engine extends AutoCloseable {

    EngineKind kind();

    /** What computes, for labels: a GPU's name, or the CPU model. */
    String device();

    /** One line for logs and {@code /info}: library, version, threads. */
    String describe();

    /** @return C, a new array of m·n floats; {@link ComputeFailure} when the library reports an error */
    float[] multiply(float[] a, float[] b, int m, int n, int k);

    @Override
    default void close() {
    }
}
