package io.greenscale.localservers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@RequiresPrograms("prometheus")
class LocalPrometheusTest {

    @Test
    void discovers_a_target_from_a_file_and_scrapes_it() throws Exception {
        try (LocalPrometheus prometheus = LocalPrometheus.builder().fileServiceDiscovery().start()) {
            // Prometheus scraping itself, announced through file-based service discovery.
            Files.writeString(prometheus.fileSdDir().resolve("self.json"),
                    "[{\"targets\":[\"127.0.0.1:" + prometheus.port() + "\"],\"labels\":{\"role\":\"self\"}}]");

            HttpClient http = HttpClient.newHttpClient();
            String query = URLEncoder.encode("up{role=\"self\"}", StandardCharsets.UTF_8);
            URI uri = prometheus.baseUri().resolve("/api/v1/query?query=" + query);
            String body = "";
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline && !body.contains("\"1\"]")) {
                body = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
                Thread.sleep(200); // waiting on a real server's discovery cycle, not test logic
            }
            assertThat(body).contains("\"role\":\"self\"").contains("\"1\"]");
        }
    }
}
