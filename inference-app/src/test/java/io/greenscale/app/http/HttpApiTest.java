package io.greenscale.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenscale.app.TestApps;
import io.greenscale.app.TestHttp;
import io.greenscale.app.compute.cpu.VectorEngine;
import io.greenscale.app.model.MatrixOperands;
import io.greenscale.app.model.Mlp;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The HTTP API in process on port 0: every endpoint, and every way a request can be wrong. */
class HttpApiTest {
    static VectorEngine engine;
    static TestApps.Running app;
    static TestHttp http;

    @BeforeAll
    static void start() {
        engine = new VectorEngine(1, "test cpu");
        app = TestApps.http(engine, 2, 4);
        http = app.client();
    }

    @AfterAll
    static void stop() {
        app.close();
        engine.close();
    }

    static String row(int width, String value) {
        return IntStream.range(0, width).mapToObj(i -> value).collect(Collectors.joining(",", "[", "]"));
    }

    static String rows(int count, int width) {
        return IntStream.range(0, count).mapToObj(i -> row(width, "0.5")).collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void matmulAnswersTheChecksumOfTheSeededOperands() {
        TestHttp.Answer a = http.post("/v1/matmul", "{\"n\": 96, \"iterations\": 2}");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.contentType()).startsWith("application/json");
        JsonNode j = a.json();
        MatrixOperands.Pair p = new MatrixOperands().forSize(96);
        double expected = 0;
        for (int i = 0; i < 96; i++) {
            for (int jj = 0; jj < 96; jj++) {
                for (int k = 0; k < 96; k++) {
                    expected += (double) p.a()[i * 96 + k] * p.b()[k * 96 + jj];
                }
            }
        }
        assertThat(j.get("checksum").asDouble()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-2));
        assertThat(j.get("n").asInt()).isEqualTo(96);
        assertThat(j.get("iterations").asInt()).isEqualTo(2);
        assertThat(j.get("engine").asText()).isEqualTo("java");
        assertThat(j.get("seconds").asDouble()).isPositive();
        assertThat(j.get("gflops").asDouble()).isPositive();
    }

    @Test
    void inferAnswersOneOutputRowPerInputRowFromTheSeededModel() {
        TestHttp.Answer a = http.post("/v1/infer", "{\"inputs\": " + rows(3, 256) + "}");

        assertThat(a.status()).isEqualTo(200);
        JsonNode out = a.json().get("outputs");
        assertThat(out.size()).isEqualTo(3);
        assertThat(out.get(0).size()).isEqualTo(256);
        float[] x = new float[3 * 256];
        java.util.Arrays.fill(x, 0.5f);
        float[] expected = Mlp.seeded(42, Mlp.DEFAULT_WIDTHS).forward(engine, x, 3);
        for (int j = 0; j < 256; j++) {
            assertThat(out.get(2).get(j).floatValue()).isCloseTo(expected[2 * 256 + j], org.assertj.core.data.Offset.offset(1e-4f));
        }
        assertThat(a.json().get("rows").asInt()).isEqualTo(3);
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("matmul body is not JSON → 400 invalid_json", "/v1/matmul", "{\"n\": ", 400, "invalid_json", "not valid JSON"),
                Arguments.of("matmul body empty → 400 invalid_json", "/v1/matmul", "", 400, "invalid_json", "empty"),
                Arguments.of("matmul body is a list → 400", "/v1/matmul", "[1, 2]", 400, "invalid_request", "must be a JSON object"),
                Arguments.of("matmul without n → 400 naming n", "/v1/matmul", "{}", 400, "invalid_request", "n: is required"),
                Arguments.of("matmul n above --max-n → 400 with the range", "/v1/matmul", "{\"n\": 100000}", 400, "invalid_request",
                        "n = 100000: must be in [1, 512] (--max-n)"),
                Arguments.of("matmul n zero → 400", "/v1/matmul", "{\"n\": 0}", 400, "invalid_request", "n = 0: must be in [1, 512]"),
                Arguments.of("matmul n fractional → 400", "/v1/matmul", "{\"n\": 1.5}", 400, "invalid_request", "n = 1.5: must be a whole number"),
                Arguments.of("matmul n a string → 400", "/v1/matmul", "{\"n\": \"big\"}", 400, "invalid_request", "n = \"big\": must be a whole number"),
                Arguments.of("matmul iterations above the cap → 400", "/v1/matmul", "{\"n\": 8, \"iterations\": 11}", 400, "invalid_request",
                        "iterations = 11: must be in [1, 10] (--max-iterations)"),
                Arguments.of("matmul unknown field → 400 naming it", "/v1/matmul", "{\"n\": 8, \"iteration\": 2}", 400, "invalid_request",
                        "iteration: unknown field"),
                Arguments.of("infer without inputs → 400", "/v1/infer", "{}", 400, "invalid_request", "inputs: is required"),
                Arguments.of("infer with no rows → 400", "/v1/infer", "{\"inputs\": []}", 400, "invalid_request", "must be a non-empty list"),
                Arguments.of("infer row too short → 400 naming the row", "/v1/infer", "{\"inputs\": [" + row(255, "1") + "]}", 400,
                        "invalid_request", "inputs[0] = [1,1,1"),
                Arguments.of("infer row not a list → 400", "/v1/infer", "{\"inputs\": [3]}", 400, "invalid_request", "inputs[0] = 3: must be a list"),
                Arguments.of("infer value not a number → 400 naming the cell", "/v1/infer",
                        "{\"inputs\": [" + row(256, "1").replaceFirst("1,1\\]$", "1,\"x\"]") + "]}", 400, "invalid_request",
                        "inputs[0][255] = \"x\": must be a finite number"),
                Arguments.of("infer value too large for a float → 400", "/v1/infer",
                        "{\"inputs\": [" + row(256, "1e39") + "]}", 400, "invalid_request", "inputs[0][0] = 1.0E39: must be a finite number"),
                Arguments.of("infer more rows than --max-batch → 400", "/v1/infer", "{\"inputs\": " + rows(17, 256) + "}", 400,
                        "invalid_request", "inputs has 17 rows: at most 16 are allowed (--max-batch)"),
                Arguments.of("body above --max-body → 413", "/v1/infer", "{\"inputs\": " + rows(70, 256) + "}", 413, "too_large",
                        "at most 65536 are allowed (--max-body)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void aBadRequestGetsA4xxWithAJsonReason(String name, String path, String body, int status, String error, String detail) {
        TestHttp.Answer a = http.post(path, body);

        assertThat(a.status()).isEqualTo(status);
        assertThat(a.contentType()).startsWith("application/json");
        assertThat(a.json().get("error").asText()).isEqualTo(error);
        assertThat(a.json().get("detail").asText()).contains(detail);
    }

    @Test
    void aChunkedBodyAboveTheCapGets413TooThoughItAnnouncesNoLength() {
        byte[] body = ("{\"inputs\": " + rows(70, 256) + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        TestHttp.Answer a = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + app.http().port() + "/v1/infer"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));

        assertThat(a.status()).isEqualTo(413);
        assertThat(a.json().get("error").asText()).isEqualTo("too_large");
        assertThat(a.json().get("detail").asText()).isEqualTo("the body is larger than the 65536 bytes allowed (--max-body)");
    }

    static Stream<Arguments> wrongRoutes() {
        return Stream.of(
                Arguments.of("unknown path → 404 not_found", "GET", "/v2/everything", 404, "not_found"),
                Arguments.of("GET on a POST endpoint → 405", "GET", "/v1/matmul", 405, "method_not_allowed"),
                Arguments.of("DELETE on /metrics → 405", "DELETE", "/metrics", 405, "method_not_allowed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongRoutes")
    void javalinsOwnErrorsAreJsonToo(String name, String method, String path, int status, String error) {
        TestHttp.Answer a = http.method(method, path);

        assertThat(a.status()).isEqualTo(status);
        assertThat(a.contentType()).startsWith("application/json");
        assertThat(a.json().get("error").asText()).isEqualTo(error);
        assertThat(a.json().get("detail").asText()).isNotBlank();
    }

    @Test
    void healthReadinessAndInfoAnswer() {
        assertThat(http.get("/healthz").json().get("status").asText()).isEqualTo("ok");
        TestHttp.Answer ready = http.get("/readyz");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("ready").asBoolean()).isTrue();
        assertThat(http.get("/info").json().get("engine").asText()).isEqualTo("java");
    }

    @Test
    void metricsExposeTheNamesTheScalerQueries() {
        http.post("/v1/matmul", "{\"n\": 8}");
        http.post("/v1/matmul", "{\"n\": -1}");

        TestHttp.Answer m = http.get("/metrics");

        assertThat(m.status()).isEqualTo(200);
        assertThat(m.contentType()).startsWith("text/plain; version=0.0.4");
        assertThat(m.body()).contains(
                "greenscale_app_request_duration_seconds_bucket{code=\"200\",endpoint=\"/v1/matmul\",le=\"0.001\"}",
                "greenscale_app_request_duration_seconds_count{code=\"400\",endpoint=\"/v1/matmul\"}",
                "greenscale_app_in_flight ",
                "greenscale_app_waiting ",
                "greenscale_app_engine_info{device=\"test cpu\",engine=\"java\"} 1",
                "greenscale_app_jobs_total{outcome=\"dead_lettered\"} 0",
                "greenscale_app_job_duration_seconds_bucket",
                "greenscale_app_job_latency_seconds_bucket",
                "process_cpu_seconds_total",
                "jvm_memory_used_bytes");
        assertThat(m.body().toLowerCase(Locale.ROOT)).doesNotContain("greenscale_app_gpu_");
    }
}
