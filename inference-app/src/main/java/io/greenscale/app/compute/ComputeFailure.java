package io.greenscale.app.compute;

/** A native library reported an error during a computation (a CUresult, a cublasStatus). */
public final class ComputeFailure extends RuntimeException {
    public ComputeFailure(String message) {
        super(message);
    }

    public ComputeFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
