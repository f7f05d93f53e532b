package io.greenscale.app.http;

import io.greenscale.app.admit.Refused;
import io.greenscale.app.work.InvalidWork;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become answers: typed errors to their 4xx/503 with a JSON reason,
 * Javalin's own (unknown path, wrong method, body too large) to the same JSON shape, anything else
 * to a logged 500.
 */
final class ErrorMapping {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {
    }

    static void install(RoutesConfig routes, JsonBodies json) {
        routes.exception(ApiError.class, (e, ctx) -> answer(ctx, json, e.status(), e.code(), e.getMessage()));
        routes.exception(InvalidWork.class, (e, ctx) -> answer(ctx, json, 400, "invalid_request", e.getMessage()));
        routes.exception(Refused.class, (e, ctx) -> {
            ctx.header("Retry-After", "1");
            switch (e.why()) {
                case FULL -> answer(ctx, json, 429, "too_busy", e.getMessage());
                case NOT_READY -> answer(ctx, json, 503, "not_ready", e.getMessage());
                case DRAINING -> answer(ctx, json, 503, "shutting_down", e.getMessage());
            }
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            int status = e.getStatus();
            String detail = switch (status) {
                case 405 -> ctx.method() + " is not allowed on " + ctx.path();
                case 413 -> "the body is larger than the " + json.maxBodyBytes() + " bytes allowed (--max-body)";
                default -> e.getMessage();
            };
            answer(ctx, json, status, code(status), detail);
        });
        routes.exception(Exception.class, (e, ctx) -> {
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
            answer(ctx, json, 500, "internal", e.getClass().getSimpleName() + ": " + e.getMessage());
        });
        // Answers Javalin produces without an exception reaching the mappers above.
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                answer(ctx, json, 404, "not_found", "no endpoint " + ctx.method() + " " + ctx.path());
            }
        });
        routes.error(405, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                answer(ctx, json, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path());
            }
        });
    }

    private static String code(int status) {
        return switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            default -> {
                HttpStatus s = HttpStatus.forStatus(status);
                yield s == HttpStatus.UNKNOWN ? "http_" + status : s.getMessage().toLowerCase(Locale.ROOT).replace(' ', '_');
            }
        };
    }

    static void answer(Context ctx, JsonBodies json, int status, String code, String detail) {
        json.write(ctx.status(status), new ApiError.Body(code, detail));
    }
}
