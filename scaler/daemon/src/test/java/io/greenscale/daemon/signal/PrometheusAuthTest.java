package io.greenscale.daemon.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.greenscale.daemon.config.PrometheusConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What goes over the wire to the query API: bearer token (re-read on every query, so a rotated
 * token works), basic auth, extra headers, the form-encoded query; and a server that never
 * answers is a timeout at the configured limit. The URL may carry a path (Prometheus behind a proxy).
 */
class PrometheusAuthTest {
    private HttpServer server;
    private final List<Map<String, String>> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        server.createContext("/prom/api/v1/query", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                seen.add(Map.of("authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                        "tenant", String.valueOf(exchange.getRequestHeaders().getFirst("X-Scope-OrgID")), "body", body));
                byte[] answer = "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1,\"1\"]}}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/prom/");
    }

    @Test
    void a_bearer_token_is_read_from_its_file_on_every_query(@TempDir Path dir) throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, "first\n");
        PrometheusApi api = new PrometheusApi(new PrometheusConnection(url(), Duration.ofSeconds(2), token, null, null,
                Map.of("X-Scope-OrgID", "team-a"), null));
        api.query("up{job=\"a b\"}");
        Files.writeString(token, "rotated");
        api.query("up");
        assertThat(seen).extracting(m -> m.get("authorization")).containsExactly("Bearer first", "Bearer rotated");
        assertThat(seen.getFirst().get("tenant")).isEqualTo("team-a");
        assertThat(seen.getFirst().get("body")).isEqualTo("query=up%7Bjob%3D%22a+b%22%7D");
    }

    @Test
    void basic_auth_sends_user_and_password() throws Exception {
        new PrometheusApi(new PrometheusConnection(url(), Duration.ofSeconds(2), null, "scaler", "s3cret", Map.of(), null)).query("up");
        assertThat(seen.getFirst().get("authorization")).isEqualTo("Basic c2NhbGVyOnMzY3JldA==");
    }

    @Test
    void a_server_that_accepts_but_never_answers_is_a_timeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            PrometheusApi api = new PrometheusApi(new PrometheusConnection(URI.create("http://127.0.0.1:" + silent.getLocalPort()),
                    Duration.ofMillis(300), null, null, null, Map.of(), null));
            assertThatThrownBy(() -> api.query("up")).isInstanceOfSatisfying(SourceException.class,
                    e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.TIMEOUT));
        }
    }
}
