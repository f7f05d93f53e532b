package io.greenscale.app.queue;

/** A job that can never be computed; it goes to the dead-letter list with this reason and is not retried. */
public final class MalformedJob extends RuntimeException {
    public MalformedJob(String reason) {
        super(reason);
    }
}
