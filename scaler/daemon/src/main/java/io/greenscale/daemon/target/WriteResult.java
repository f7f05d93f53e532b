package io.greenscale.daemon.target;

import io.greenscale.daemon.signal.SourceException;

/** What became of a decision handed to a target. */
public sealed interface WriteResult {

    /** True when the target now runs the decided count because of this write. */
    default boolean applied() {
        return this instanceof Applied;
    }

    /** Written: the replica count went from {@code from} to {@code to}. */
    record Applied(int from, int to) implements WriteResult {
    }

    /** Nothing to write: the target is already at the decided count. */
    record Unchanged() implements WriteResult {
    }

    /** Not written on purpose (dry-run, shadow, follower, paused, HPA conflict). */
    record Withheld(String why) implements WriteResult {
    }

    /** The workload changed since it was read (HTTP 409): it is re-read and decided again next tick. */
    record Conflict(SourceException failure) implements WriteResult {
    }

    /** The write failed; the next tick tries again. */
    record Failed(SourceException failure) implements WriteResult {
    }
}
