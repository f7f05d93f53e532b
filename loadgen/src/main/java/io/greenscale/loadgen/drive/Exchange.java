package io.greenscale.loadgen.drive;

import java.util.concurrent.CompletableFuture;

/**
 * One request on its way through the HTTP driver.
 *
 * @param deadlineNanos {@code System.nanoTime()} after which it counts as a timeout
 */
record Exchange(Request request, CompletableFuture<Outcome> outcome, long deadlineNanos) {

    boolean expired(long nowNanos) {
        return nowNanos - deadlineNanos >= 0;
    }

    void complete(Outcome o) {
        outcome.complete(o);
    }
}
