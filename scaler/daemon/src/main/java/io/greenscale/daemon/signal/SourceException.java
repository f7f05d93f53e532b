package io.greenscale.daemon.signal;

import java.util.Locale;
import java.util.Objects;

/**
 * A failure of one source, typed where it happens: which source, what kind of failure (both fixed
 * sets, so they can be metric labels) and a message with the context. The loop turns it into an
 * absent reading with the message as the reason, counts it and keeps going.
 */
public final class SourceException extends Exception {
    private final Source source;
    private final Kind kind;

    public SourceException(Source source, Kind kind, String message) {
        this(source, kind, message, null);
    }

    public SourceException(Source source, Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.source = Objects.requireNonNull(source, "source");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Source source() {
        return source;
    }

    public Kind kind() {
        return kind;
    }

    /** "redis timeout: LLEN jobs got no answer within 1s": the absent reading's reason. */
    public String reason() {
        return source.label() + " " + kind.label() + ": " + getMessage();
    }

    public enum Source {
        REDIS, PROMETHEUS, KUBERNETES, METRICS_API;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Kind {
        /** No answer within the source's timeout. */
        TIMEOUT,
        /** Connection refused or reset: the server is down or unreachable. */
        UNAVAILABLE,
        /** Credentials missing or refused (Redis NOAUTH/WRONGPASS, HTTP 401/403). */
        AUTH,
        /** The server refused the request as invalid (HTTP 4xx other than auth, a bad PromQL query). */
        REJECTED,
        /** The object does not exist (HTTP 404). */
        NOT_FOUND,
        /** The object changed since it was read (HTTP 409). */
        CONFLICT,
        /** The server failed (HTTP 5xx). */
        SERVER_ERROR,
        /** The answer could not be understood (wrong Redis type, malformed JSON). */
        BAD_RESPONSE,
        /** The answer held no data for the target. */
        EMPTY,
        /** The answer was NaN or infinite. */
        NAN;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
