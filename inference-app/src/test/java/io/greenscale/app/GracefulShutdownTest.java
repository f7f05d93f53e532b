package io.greenscale.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.greenscale.localservers.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM to a real app process while a request computes: not ready at once, the request finishes, then it exits. */
class GracefulShutdownTest {
    @TempDir
    Path dir;

    @Test
    void onSigtermReadinessGoesFalseAndTheRequestInFlightStillSucceeds() throws Exception {
        int port = FreePorts.next();
        try (ChildApp app = ChildApp.start(dir, "app", "--port", Integer.toString(port), "--engine", "java", "--engine-threads", "1",
                "--concurrency", "1", "--service-time-min", "3s", "--shutdown-delay", "1s", "--shutdown-grace", "30s");
             TestHttp http = new TestHttp(port);
             var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> http.get("/readyz").status() == 200);

            // A tiny product held on its slot for 3 s, well past the SIGTERM below, however busy the machine is.
            CompletableFuture<TestHttp.Answer> inFlight = CompletableFuture.supplyAsync(
                    () -> http.post("/v1/matmul", "{\"n\": 16}"), threads);
            await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/metrics").body().contains("greenscale_app_in_flight 1.0"));
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
                try {
                    return app.terminate(Duration.ofSeconds(60));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, threads);

            await().atMost(Duration.ofSeconds(5)).until(() -> http.get("/readyz").status() == 503);
            assertThat(inFlight).as("still computing after readiness went false").isNotDone();
            TestHttp.Answer answer = inFlight.get();

            assertThat(answer.status()).as(app.log()).isEqualTo(200);
            assertThat(answer.json().get("checksum").isNumber()).isTrue();
            assertThat(exit.get()).isEqualTo(143);
            assertThat(app.log()).contains("stopping: not ready", "stopped");
        }
    }
}
