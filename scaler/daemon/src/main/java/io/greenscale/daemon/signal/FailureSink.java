package io.greenscale.daemon.signal;

/** Where source failures are counted (the metrics); each failed call is reported exactly once. */
@FunctionalInterface
public interface FailureSink {

    void failed(SourceException failure);

    FailureSink NONE = failure -> { };
}
