package io.greenscale.loadgen.drive;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/** What the load is sent to. Implementations are thread-safe; {@link #send} never blocks for a response. */
public interface Target extends AutoCloseable {

    /** Checks that the target can be reached at all, before the run starts. */
    void probe() throws TargetUnreachableException;

    /**
     * Sends a request. The future completes exactly once, with an {@link Outcome} (failures
     * included: it never completes exceptionally), when the response arrives or the request
     * times out.
     */
    CompletableFuture<Outcome> send(Request request);

    /** For run.json: what this target is (URL, method, queue, …). */
    Map<String, Object> describe();

    /** Work waiting at the target (a queue's length), where the target can tell. */
    default OptionalLong backlog() {
        return OptionalLong.empty();
    }

    /**
     * The thread the target does its I/O on, if it has one: the open loop then paces its schedule
     * there, and sends and completions stay on one thread. Empty: the caller's thread paces it.
     */
    default Optional<ScheduledExecutorService> eventLoop() {
        return Optional.empty();
    }

    @Override
    void close();
}
