package io.greenscale.daemon.observe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * {@code /metrics} (Prometheus text format), {@code /healthz} and {@code /readyz} (JSON, 200 or
 * 503) on one port. Anything else gets a 404 or 405 with a JSON reason.
 */
public final class HttpEndpoints implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    public HttpEndpoints(String address, int port, PrometheusRegistry registry, Health health) {
        try {
            server = HttpServer.create(new InetSocketAddress(address, port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address + ":" + port + " for /metrics, /healthz and /readyz", e);
        }
        MetricsHandler metrics = new MetricsHandler(registry);
        server.createContext("/metrics", exchange -> {
            if (allowGet(exchange)) {
                metrics.handle(exchange);
            }
        });
        server.createContext("/healthz", exchange -> status(exchange, health::liveness));
        server.createContext("/readyz", exchange -> status(exchange, health::readiness));
        server.createContext("/", exchange -> json(exchange, 404, Map.of("error", "not found",
                "reason", exchange.getRequestURI().getPath() + " is not served here; try /metrics, /healthz or /readyz")));
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void status(HttpExchange exchange, Supplier<Health.Status> check) throws IOException {
        if (!allowGet(exchange)) {
            return;
        }
        Health.Status s = check.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", s.ok() ? "ok" : "unavailable");
        body.put("detail", s.detail());
        json(exchange, s.ok() ? 200 : 503, body);
    }

    private static boolean allowGet(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            return true;
        }
        exchange.getResponseHeaders().add("Allow", "GET, HEAD");
        json(exchange, 405, Map.of("error", "method not allowed", "reason", method + " is not allowed; use GET"));
        return false;
    }

    private static void json(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
