package io.greenscale.app;

import io.greenscale.app.compute.Engine;
import io.greenscale.app.compute.EngineKind;
import io.greenscale.app.compute.cpu.VectorEngine;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The Vector API engine behind a gate the test opens: products started while it is closed wait,
 * so a test can hold compute slots busy for exactly as long as it needs.
 */
public final class GatedEngine implements Engine {
    private final Engine real = new VectorEngine(1, "test cpu");
    private final CountDownLatch open = new CountDownLatch(1);
    private final Semaphore entered = new Semaphore(0);

    public void open() {
        open.countDown();
    }

    /** Waits until {@code products} products have started (and are held by the gate). */
    public void awaitEntered(int products) throws InterruptedException {
        if (!entered.tryAcquire(products, 10, TimeUnit.SECONDS)) {
            throw new AssertionError("fewer than " + products + " products started");
        }
    }

    @Override
    public EngineKind kind() {
        return EngineKind.JAVA;
    }

    @Override
    public String device() {
        return "test cpu";
    }

    @Override
    public String describe() {
        return "gated " + real.describe();
    }

    @Override
    public float[] multiply(float[] a, float[] b, int m, int n, int k) {
        entered.release();
        try {
            if (!open.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return real.multiply(a, b, m, n, k);
    }
}
