package io.greenscale.app.work;

/** A request or job that cannot be computed; the message names the field, the value and what is allowed. */
public final class InvalidWork extends RuntimeException {
    public InvalidWork(String message) {
        super(message);
    }
}
