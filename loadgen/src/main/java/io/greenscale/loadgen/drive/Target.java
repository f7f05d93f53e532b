package io.greenscale.loadgen.drive;

import java.util.List;
import java.util.Map;
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
     * The threads the target does its I/O on, if it has them (event loops, each owning its share
     * of the connections): the open loop then runs one lane per loop, paced on that loop, so that
     * sends and completions stay on one thread. A request sent from a loop's thread goes out on
     * that loop's connections. Empty: the caller's thread paces a single lane.
     */
    default List<ScheduledExecutorService> eventLoops() {
        return List.of();
    }

    @Override
    void close();
}
