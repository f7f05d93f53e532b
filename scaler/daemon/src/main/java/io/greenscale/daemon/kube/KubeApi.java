package io.greenscale.daemon.kube;

import io.greenscale.daemon.signal.SourceException;
import io.greenscale.daemon.signal.SourceException.Kind;
import io.greenscale.daemon.signal.SourceException.Source;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.AutoscalingV2Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The daemon's door to the Kubernetes API (official client): the typed APIs, a cap on requests
 * in flight so that a tick over hundreds of targets does not flood the API server, and one
 * mapping from the client's exceptions to typed source failures.
 */
public final class KubeApi {
    private final ApiClient client;
    private final Duration timeout;
    private final Semaphore inFlight;

    public KubeApi(ApiClient client, Duration timeout, int maxConcurrentRequests) {
        this.client = client;
        this.timeout = timeout;
        this.inFlight = new Semaphore(maxConcurrentRequests, true);
    }

    public ApiClient client() {
        return client;
    }

    /** The read timeout of one request; a source's deadline in the tick. */
    public Duration timeout() {
        return timeout;
    }

    public CoreV1Api core() {
        return new CoreV1Api(client);
    }

    public AppsV1Api apps() {
        return new AppsV1Api(client);
    }

    public AutoscalingV2Api autoscaling() {
        return new AutoscalingV2Api(client);
    }

    public CustomObjectsApi custom() {
        return new CustomObjectsApi(client);
    }

    /** A request against the API; {@code what} names the object for error messages. */
    @FunctionalInterface
    public interface Request<T> {
        T send() throws ApiException;
    }

    /**
     * Sends one request of kind {@code call}. Metrics-API calls fail as source
     * {@code metrics_api}, everything else as {@code kubernetes}.
     */
    public <T> T call(ApiCall call, String what, Request<T> request) throws SourceException {
        Source source = call.group().equals("metrics.k8s.io") ? Source.METRICS_API : Source.KUBERNETES;
        try {
            if (!inFlight.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new SourceException(source, Kind.TIMEOUT, call + " " + what + ": waited " + timeout.toMillis()
                        + " ms for one of the " + "concurrent request slots");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException(source, Kind.TIMEOUT, call + " " + what + ": interrupted (shutting down)");
        }
        try {
            return request.send();
        } catch (ApiException e) {
            throw failure(source, call + " " + what, e);
        } finally {
            inFlight.release();
        }
    }

    static SourceException failure(Source source, String what, ApiException e) {
        int code = e.getCode();
        if (code == 0) {
            Kind kind = has(e, SocketTimeoutException.class) || has(e, InterruptedIOException.class) ? Kind.TIMEOUT : Kind.UNAVAILABLE;
            return new SourceException(source, kind, what + ": " + rootMessage(e), e);
        }
        Kind kind = switch (code) {
            case 401, 403 -> Kind.AUTH;
            case 404 -> Kind.NOT_FOUND;
            case 409 -> Kind.CONFLICT;
            case 408, 504 -> Kind.TIMEOUT;
            default -> code >= 500 ? Kind.SERVER_ERROR : Kind.REJECTED;
        };
        return new SourceException(source, kind, what + ": HTTP " + code + " " + statusMessage(e), e);
    }

    /** The {@code message} of the API's Status body, else the raw body, shortened. */
    private static String statusMessage(ApiException e) {
        String body = e.getResponseBody();
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            var status = com.google.gson.JsonParser.parseString(body).getAsJsonObject();
            if (status.has("message")) {
                return status.get("message").getAsString();
            }
        } catch (RuntimeException notJson) {
            // fall through to the raw body
        }
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
