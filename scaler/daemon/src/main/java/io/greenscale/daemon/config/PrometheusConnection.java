package io.greenscale.daemon.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach the Prometheus HTTP API (or anything that serves {@code /api/v1/query}: Thanos,
 * Mimir, VictoriaMetrics).
 *
 * @param bearerTokenFile re-read on every query so that rotated tokens work; null for none
 * @param username        basic auth, null for none
 * @param headers         extra request headers, e.g. {@code X-Scope-OrgID}
 * @param caFile          PEM file of the CA for an https URL; null means the JDK's trust store
 */
public record PrometheusConnection(URI url, Duration timeout, Path bearerTokenFile, String username, String password,
                                   Map<String, String> headers, Path caFile) {

    public PrometheusConnection {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
        headers = Map.copyOf(headers);
    }

    /** Never prints credentials. */
    @Override
    public String toString() {
        return url.toString();
    }
}
