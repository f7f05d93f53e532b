package io.greenscale.daemon.standin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for the Prometheus query API at scale: {@code /api/v1/query} answers every query
 * with one series per given label set and a fixed value, as a Prometheus scraping hundreds of
 * workloads would answer a batched {@code by (namespace, app)} query. For benchmarks, where a
 * real Prometheus scraping thousands of pods would measure Prometheus rather than the scaler.
 */
public final class StandInPrometheus implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final AtomicLong queries = new AtomicLong();

    /** @param series the label sets of the answer's series; every query gets all of them with {@code value} */
    public StandInPrometheus(List<Map<String, String>> series, double value) {
        byte[] body = body(series, value);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/query", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                queries.incrementAndGet();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    private static byte[] body(List<Map<String, String>> series, double value) {
        double now = System.currentTimeMillis() / 1000.0;
        List<Object> result = new ArrayList<>();
        for (Map<String, String> labels : series) {
            result.add(Map.of("metric", labels, "value", List.of(now, Double.toString(value))));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("status", "success");
        root.put("data", Map.of("resultType", "vector", "result", result));
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public long queries() {
        return queries.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
