package io.greenscale.daemon.standin;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A misbehaviour of the stand-in API server for requests whose method and path match: answer
 * with an error status, or answer late. {@code times} limits how often it fires (-1: until removed).
 */
public final class Fault {
    final String method;
    final Pattern path;
    final int status;
    final Duration delay;
    final AtomicInteger remaining;

    private Fault(String method, String pathRegex, int status, Duration delay, int times) {
        this.method = method;
        this.path = Pattern.compile(pathRegex);
        this.status = status;
        this.delay = delay;
        this.remaining = new AtomicInteger(times);
    }

    /** Answers {@code status} with a Status body. */
    public static Fault status(String method, String pathRegex, int status) {
        return new Fault(method, pathRegex, status, Duration.ZERO, -1);
    }

    /** Answers normally, but only after {@code delay}. */
    public static Fault delay(String method, String pathRegex, Duration delay) {
        return new Fault(method, pathRegex, 0, delay, -1);
    }

    public Fault times(int times) {
        return new Fault(method, path.pattern(), status, delay, times);
    }

    boolean matches(String requestMethod, String requestPath) {
        return (method.equals("*") || method.equals(requestMethod)) && path.matcher(requestPath).matches();
    }

    /** Claims one firing; false once it has fired {@code times} times. */
    boolean fire() {
        while (true) {
            int left = remaining.get();
            if (left == 0) {
                return false;
            }
            if (left < 0 || remaining.compareAndSet(left, left - 1)) {
                return true;
            }
        }
    }
}
