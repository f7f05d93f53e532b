package io.greenscale.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscale.app.GatedEngine;
import io.greenscale.app.TestApps;
import io.greenscale.app.TestHttp;
import io.greenscale.app.admit.Lifecycle;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Admission control seen from HTTP: 429 when every place is taken, 503 while not ready or draining. */
class AdmissionTest {
    static final java.util.concurrent.ExecutorService THREADS = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    @Test
    void beyondSlotsAndWaitingPlacesTheNextRequestGets429AndTheAdmittedOnesFinish() throws Exception {
        GatedEngine engine = new GatedEngine();
        try (TestApps.Running app = TestApps.http(engine, 1, 2)) {
            List<CompletableFuture<TestHttp.Answer>> admitted = new ArrayList<>();
            admitted.add(CompletableFuture.supplyAsync(() -> app.client().post("/v1/matmul", "{\"n\": 16}"), THREADS));
            engine.awaitEntered(1);
            for (int i = 0; i < 2; i++) {
                admitted.add(CompletableFuture.supplyAsync(() -> app.client().post("/v1/matmul", "{\"n\": 16}"), THREADS));
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> app.gate().waiting() == 2);

            TestHttp.Answer refused = app.client().post("/v1/matmul", "{\"n\": 16}");
            String metricsWhileFull = app.client().get("/metrics").body();
            engine.open();

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.json().get("error").asText()).isEqualTo("too_busy");
            assertThat(refused.json().get("detail").asText()).contains("1 compute slots busy and 2 requests waiting");
            assertThat(metricsWhileFull).contains("greenscale_app_in_flight 1.0", "greenscale_app_waiting 2.0");
            for (CompletableFuture<TestHttp.Answer> f : admitted) {
                assertThat(f.get().status()).isEqualTo(200);
            }
        }
    }

    @Test
    void whileTheModelLoadsComputeEndpointsAnswer503AndLivenessStaysUp() {
        Lifecycle loading = new Lifecycle(InstantSource.system());
        loading.warmedUp(Instant.now(), Duration.ofHours(1));
        try (TestApps.Running app = TestApps.http(new GatedEngine(), 1, 0, loading)) {
            TestHttp.Answer infer = app.client().post("/v1/infer", "{\"inputs\": [[1]]}");
            TestHttp.Answer ready = app.client().get("/readyz");

            assertThat(infer.status()).isEqualTo(503);
            assertThat(infer.json().get("error").asText()).isEqualTo("not_ready");
            assertThat(infer.json().get("detail").asText()).startsWith("loading the model: ready in ");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json().get("state").asText()).isEqualTo("starting");
            assertThat(app.client().get("/healthz").status()).isEqualTo(200);
        }
    }

    @Test
    void whileDrainingNewWorkGets503AndWorkInHandFinishes() throws Exception {
        GatedEngine engine = new GatedEngine();
        try (TestApps.Running app = TestApps.http(engine, 1, 1)) {
            CompletableFuture<TestHttp.Answer> inHand = CompletableFuture.supplyAsync(() -> app.client().post("/v1/matmul", "{\"n\": 16}"), THREADS);
            engine.awaitEntered(1);

            app.lifecycle().startDraining();
            TestHttp.Answer late = app.client().post("/v1/matmul", "{\"n\": 16}");
            TestHttp.Answer ready = app.client().get("/readyz");
            engine.open();

            assertThat(late.status()).isEqualTo(503);
            assertThat(late.json().get("error").asText()).isEqualTo("shutting_down");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(inHand.get().status()).isEqualTo(200);
        }
    }
}
