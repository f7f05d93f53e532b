package io.greenscale.app.http;

import io.greenscale.app.admit.Lifecycle;
import io.greenscale.app.admit.Refused;
import io.greenscale.app.metrics.AppMetrics;
import io.javalin.http.Context;
import java.util.function.Supplier;

/** The operations endpoints: liveness, readiness, what runs here, metrics. */
final class OpsHandlers {
    private final Lifecycle lifecycle;
    private final AppMetrics metrics;
    private final Supplier<Object> info;
    private final JsonBodies json;

    OpsHandlers(Lifecycle lifecycle, AppMetrics metrics, Supplier<Object> info, JsonBodies json) {
        this.lifecycle = lifecycle;
        this.metrics = metrics;
        this.info = info;
        this.json = json;
    }

    /** Alive while the process can answer at all: warming up and draining included, so no restart interrupts them. */
    void health(Context ctx) {
        json.write(ctx, new Responses.Health("ok"));
    }

    void ready(Context ctx) {
        Refused why = lifecycle.refusal();
        Lifecycle.State state = lifecycle.state();
        boolean ready = state == Lifecycle.State.READY;
        String detail = ready ? "accepting work" : why != null ? why.getMessage() : "shutting down: still serving while endpoints update";
        json.write(ctx.status(ready ? 200 : 503), new Responses.Ready(ready, state.name().toLowerCase(java.util.Locale.ROOT), detail));
    }

    void info(Context ctx) {
        json.write(ctx, info.get());
    }

    void metrics(Context ctx) {
        ctx.contentType(AppMetrics.contentType()).result(metrics.scrape());
    }
}
