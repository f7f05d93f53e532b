package io.greenscale.app.compute.cuda;

import io.greenscale.app.compute.ComputeFailure;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one platform thread that makes every CUDA call. A CUDA context is current per OS thread and a
 * virtual thread may change carrier between two downcalls, so callers (request threads, queue
 * consumers) hand their work here; this also serialises use of the single cuBLAS handle.
 */
final class GpuThread implements AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("gpu-worker").daemon(true).unstarted(r));

    <T> T call(Callable<T> work) {
        try {
            return thread.submit(work).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new ComputeFailure("GPU work failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComputeFailure("interrupted while waiting for the GPU", e);
        }
    }

    @Override
    public void close() {
        thread.shutdown();
    }
}
