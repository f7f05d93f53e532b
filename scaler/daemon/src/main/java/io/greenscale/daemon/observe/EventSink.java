package io.greenscale.daemon.observe;

import io.greenscale.daemon.config.TargetRef;
import java.time.Instant;

/** Where the daemon reports what it did to a workload (Kubernetes Events); a test fake is a lambda. */
@FunctionalInterface
public interface EventSink {

    /**
     * @param warning true for type Warning, false for Normal
     * @param reason  a stable CamelCase reason, e.g. {@code SuccessfulRescale}
     */
    void emit(TargetRef about, boolean warning, String reason, String message, Instant now);

    EventSink NONE = (about, warning, reason, message, now) -> { };
}
