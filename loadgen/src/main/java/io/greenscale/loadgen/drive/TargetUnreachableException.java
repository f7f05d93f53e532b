package io.greenscale.loadgen.drive;

/** The target could not be reached at all (no connection, unknown host, no such server). */
public final class TargetUnreachableException extends Exception {
    public TargetUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
