package io.greenscale.analysis.experiment;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What an experiment has started, stopped in reverse order when it ends — normally, by an error,
 * or by an interrupt (Ctrl-C runs it from a JVM shutdown hook). Each step runs even when an
 * earlier one failed. Idempotent.
 */
final class Cleanup implements AutoCloseable {
    /** A step that may fail without stopping the others. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    private final Deque<Step> steps = new ArrayDeque<>();
    private final Thread hook = new Thread(this::close, "experiment-cleanup");
    private boolean closed;

    Cleanup() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    synchronized <T extends AutoCloseable> T add(T resource) {
        steps.push(resource::close);
        return resource;
    }

    synchronized void addStep(Step step) {
        steps.push(step);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!steps.isEmpty()) {
            try {
                steps.pop().run();
            } catch (Exception e) {
                System.err.println("experiment: while stopping: " + e);
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // this is the hook
        }
    }
}
