package io.greenscale.daemon.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenscale.daemon.testing.MutableClock;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /metrics, /healthz and /readyz over real HTTP, on a fake clock. */
class HttpEndpointsTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final MutableClock clock = MutableClock.atNow();
    private final Health health = new Health(clock, Duration.ofSeconds(5));
    private HttpEndpoints endpoints;
    private ScalerMetrics metrics;

    @BeforeEach
    void start() {
        PrometheusRegistry registry = new PrometheusRegistry();
        metrics = new ScalerMetrics(registry);
        endpoints = new HttpEndpoints("127.0.0.1", 0, registry, health);
    }

    @AfterEach
    void stop() {
        endpoints.close();
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoints.port() + path)).GET().build());
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(HttpResponse<String> r) throws Exception {
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        return new ObjectMapper().readTree(r.body());
    }

    @Test
    void metrics_are_served_in_the_prometheus_text_format() throws Exception {
        metrics.targetConfigured("shop/deployment/web", "active", "greenscale");
        metrics.leader(true);
        HttpResponse<String> r = get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("greenscale_scaler_target_info{mode=\"active\",policy=\"greenscale\",target=\"shop/deployment/web\"} 1.0")
                .contains("greenscale_scaler_leader 1.0")
                .contains("greenscale_scaler_source_errors_total{kind=\"timeout\",source=\"redis\"} 0.0")
                .contains("# TYPE greenscale_scaler_tick_duration_seconds histogram");
    }

    @Test
    void ready_after_the_first_tick_until_shutdown_begins() throws Exception {
        HttpResponse<String> before = get("/readyz");
        assertThat(before.statusCode()).isEqualTo(503);
        assertThat(json(before).get("detail").asText()).contains("first tick");

        health.ticked(clock.instant());
        assertThat(get("/readyz").statusCode()).isEqualTo(200);

        health.stopping();
        HttpResponse<String> stopping = get("/readyz");
        assertThat(stopping.statusCode()).isEqualTo(503);
        assertThat(json(stopping).get("detail").asText()).isEqualTo("shutting down");
    }

    @Test
    void live_while_ticks_keep_coming_not_when_the_loop_is_stuck() throws Exception {
        health.ticked(clock.instant());
        clock.advance(Duration.ofSeconds(40));
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(10));
        HttpResponse<String> stuck = get("/healthz");
        assertThat(stuck.statusCode()).isEqualTo(503);
        assertThat(json(stuck).get("detail").asText()).contains("no tick completed since");
    }

    @Test
    void unknown_paths_and_methods_get_a_json_reason() throws Exception {
        HttpResponse<String> missing = get("/metricz");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("reason").asText()).contains("/metricz").contains("/metrics");

        HttpResponse<String> post = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoints.port() + "/readyz"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(json(post).get("reason").asText()).contains("POST");
    }
}
