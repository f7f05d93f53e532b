package io.greenscale.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenscale.app.admit.ComputeGate;
import io.greenscale.app.admit.Lifecycle;
import io.greenscale.app.metrics.AppMetrics;
import io.greenscale.app.work.WorkParser;
import io.greenscale.app.work.WorkRunner;
import io.javalin.Javalin;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The Javalin app: every route in one config lambda, thin handlers, one error mapping. Compute
 * endpoints exist only in the http and both modes; the operations endpoints always do.
 */
public final class HttpApi {
    private static final Set<String> ENDPOINTS = Set.of("/v1/matmul", "/v1/infer", "/healthz", "/readyz", "/info", "/metrics");

    /** What the handlers use; {@code info} is computed per request because it includes the live state. */
    public record Deps(boolean computeEndpoints, long maxBodyBytes, ObjectMapper reader, ObjectMapper snakeCaseWriter,
                       Lifecycle lifecycle, ComputeGate gate, WorkParser parser, WorkRunner runner, AppMetrics metrics,
                       Supplier<Object> info) {
    }

    private HttpApi() {
    }

    public static Javalin create(Deps deps) {
        JsonBodies json = new JsonBodies(deps.reader(), deps.snakeCaseWriter(), deps.maxBodyBytes());
        ComputeHandlers compute = new ComputeHandlers(deps.lifecycle(), deps.gate(), deps.parser(), deps.runner(), json);
        OpsHandlers ops = new OpsHandlers(deps.lifecycle(), deps.metrics(), deps.info(), json);
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.concurrency.useVirtualThreads = true; // handlers block on the compute gate; virtual threads make that cheap
            cfg.http.maxRequestSize = deps.maxBodyBytes();
            cfg.http.prefer405over404 = true;
            cfg.jetty.modifyServer(server -> server.setStopTimeout(2_000));
            if (deps.computeEndpoints()) {
                cfg.routes.post("/v1/matmul", compute::matmul);
                cfg.routes.post("/v1/infer", compute::infer);
            }
            cfg.routes.get("/healthz", ops::health);
            cfg.routes.get("/readyz", ops::ready);
            cfg.routes.get("/info", ops::info);
            cfg.routes.get("/metrics", ops::metrics);
            ErrorMapping.install(cfg.routes, json);
            cfg.requestLogger.http((ctx, ms) -> deps.metrics().request(
                    ENDPOINTS.contains(ctx.path()) ? ctx.path() : "other", ctx.statusCode(), ms / 1000.0));
        });
    }
}
