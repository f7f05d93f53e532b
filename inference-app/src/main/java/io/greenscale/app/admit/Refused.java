package io.greenscale.app.admit;

/** Work was not admitted; HTTP answers 429 for {@link Why#FULL} and 503 for the others. */
public final class Refused extends RuntimeException {

    public enum Why {
        /** every compute slot and waiting place is taken */
        FULL,
        /** warming up, or the emulated model load is still running */
        NOT_READY,
        /** shutting down: no new work, the work in hand finishes */
        DRAINING
    }

    private final Why why;

    public Refused(Why why, String message) {
        super(message);
        this.why = why;
    }

    public Why why() {
        return why;
    }
}
