package io.greenscale.localservers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real {@code prometheus} from this machine, on loopback, with its TSDB in a temporary
 * directory. Scrape targets are either static or discovered from JSON files in
 * {@link #fileSdDir()} (Prometheus file-based service discovery, re-read every second).
 */
public final class LocalPrometheus implements AutoCloseable {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int port;
    private final ServerProcess process;
    private final Path fileSdDir;

    private LocalPrometheus(int port, ServerProcess process, Path fileSdDir) {
        this.port = port;
        this.process = process;
        this.fileSdDir = fileSdDir;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** http://127.0.0.1:PORT */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** Drop {@code *.json} target files here (Prometheus file_sd format); they are picked up within a second or two. */
    public Path fileSdDir() {
        return fileSdDir;
    }

    public Path configFile() {
        return process.workDir().resolve("prometheus.yml");
    }

    public boolean isRunning() {
        return process.isAlive() && ready(port);
    }

    /** SIGKILL: the HTTP API disappears at once. */
    public void kill() {
        process.kill();
    }

    @Override
    public void close() {
        process.close();
    }

    private static boolean ready(int port) {
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready"))
                    .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static final class Builder {
        private Duration scrapeInterval = Duration.ofSeconds(1);
        private final List<String> staticTargets = new ArrayList<>();
        private String jobName = "greenscale";
        private boolean fileSd;

        public Builder scrapeInterval(Duration interval) {
            this.scrapeInterval = interval;
            return this;
        }

        /** A {@code host:port} to scrape at {@code /metrics}. */
        public Builder target(String hostPort) {
            staticTargets.add(hostPort);
            return this;
        }

        public Builder jobName(String jobName) {
            this.jobName = jobName;
            return this;
        }

        /** Also discover targets from JSON files in {@link LocalPrometheus#fileSdDir()}. */
        public Builder fileServiceDiscovery() {
            this.fileSd = true;
            return this;
        }

        public LocalPrometheus start() {
            Path executable = Programs.require("prometheus");
            int port = FreePorts.next();
            ServerProcess process = new ServerProcess("prometheus-" + port, ServerProcess.tempDir("greenscale-prometheus-"));
            Path sdDir = process.workDir().resolve("targets");
            try {
                Files.createDirectories(sdDir);
                YAML.writeValue(process.workDir().resolve("prometheus.yml").toFile(), config(sdDir));
            } catch (IOException e) {
                process.close();
                throw new UncheckedIOException("cannot write the Prometheus configuration", e);
            }
            process.start(List.of(
                    executable.toString(),
                    "--config.file=" + process.workDir().resolve("prometheus.yml"),
                    "--storage.tsdb.path=" + process.workDir().resolve("data"),
                    "--storage.tsdb.retention.time=2h",
                    "--web.listen-address=127.0.0.1:" + port,
                    "--web.enable-lifecycle",
                    "--log.level=warn"), () -> ready(port), Duration.ofSeconds(30));
            return new LocalPrometheus(port, process, sdDir);
        }

        private Map<String, Object> config(Path sdDir) {
            String interval = scrapeInterval.toMillis() % 1000 == 0 ? scrapeInterval.toSeconds() + "s" : scrapeInterval.toMillis() + "ms";
            Map<String, Object> job = new LinkedHashMap<>();
            job.put("job_name", jobName);
            job.put("scrape_interval", interval);
            job.put("scrape_timeout", interval);
            if (!staticTargets.isEmpty()) {
                job.put("static_configs", List.of(Map.of("targets", staticTargets)));
            }
            if (fileSd) {
                job.put("file_sd_configs", List.of(Map.of("files", List.of(sdDir.resolve("*.json").toString()), "refresh_interval", "1s")));
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("global", Map.of("scrape_interval", interval, "evaluation_interval", interval));
            root.put("scrape_configs", List.of(job));
            return root;
        }
    }
}
