package io.greenscale.loadgen.drive;

/**
 * How a request ended. A failure's {@code kind} is a stable label that the summary counts by:
 * {@code status_503}, {@code timeout}, {@code connect}, {@code tls}, {@code io}, {@code protocol} (an
 * answer that is not HTTP/1.1), {@code rejected}, {@code unfinished}, {@code closed} (sent after the
 * target was closed).
 *
 * @param status the HTTP status, or 0 where there is none
 */
public record Outcome(boolean ok, int status, String kind) {
    public static final String TIMEOUT = "timeout";
    public static final String CONNECT = "connect";

    public static Outcome ok(int status) {
        return new Outcome(true, status, "ok");
    }

    public static Outcome failed(String kind) {
        return new Outcome(false, 0, kind);
    }

    public static Outcome status(int status) {
        return status >= 200 && status < 300 ? ok(status) : new Outcome(false, status, "status_" + status);
    }

    public boolean isTimeout() {
        return TIMEOUT.equals(kind);
    }
}
