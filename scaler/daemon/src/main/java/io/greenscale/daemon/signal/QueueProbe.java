package io.greenscale.daemon.signal;

/** Reads a target's work queue; a test fake is a lambda. */
@FunctionalInterface
public interface QueueProbe {

    QueueSample read() throws SourceException;
}
