package io.greenscale.daemon.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenscale.daemon.signal.SourceException;
import io.greenscale.policy.Decision;
import io.greenscale.policy.Explanation;
import io.greenscale.policy.PolicyState;
import io.greenscale.policy.Reason;
import io.greenscale.policy.signal.Signal;
import io.greenscale.policy.signal.Signals;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard queries only metrics the scaler exposes. */
class DashboardTest {
    private static final Path DASHBOARD = Path.of("../../manifests/grafana/greenscale-scaler-dashboard.json");
    private static final Pattern METRIC = Pattern.compile("\\b((?:greenscale_scaler|process|jvm)_[a-z_]+)\\b");

    @Test
    void every_metric_the_dashboard_queries_is_exposed() throws Exception {
        Set<String> queried = new HashSet<>();
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher m = METRIC.matcher(target.path("expr").asText());
                while (m.find()) {
                    queried.add(m.group(1));
                }
            }
        }
        assertThat(queried).hasSizeGreaterThan(10);
        assertThat(exposed()).containsAll(queried);
    }

    /** Sample names of /metrics once every metric has a value. */
    private static Set<String> exposed() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        JvmMetrics.builder().register(registry);
        ScalerMetrics metrics = new ScalerMetrics(registry);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        metrics.targetConfigured("ns/deployment/a", "shadow", "greenscale");
        metrics.leader(true);
        metrics.failed(new SourceException(SourceException.Source.REDIS, SourceException.Kind.TIMEOUT, "x"));
        metrics.skipped("ns/deployment/a", new SourceException(SourceException.Source.KUBERNETES, SourceException.Kind.NOT_FOUND, "x"));
        metrics.tick(Duration.ofMillis(20));
        metrics.write("ns/deployment/a", "applied");
        Signals signals = Signals.builder(2).set(Signal.QUEUE_BACKLOG, 3, now).set(Signal.READY_REPLICAS, 2, now).build();
        Decision d = new Decision(2, 3, Reason.SCALE_UP,
                new Explanation(List.of(), List.of(new Explanation.ProposalNote("queue", 3, Explanation.Vote.FULL, "")), "queue", 3, List.of()),
                new PolicyState() { });
        metrics.decided("ns/deployment/a", signals, d, 4, now);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        Set<String> names = new HashSet<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                names.add(line.split("[{ ]")[0]);
            }
        }
        return names;
    }
}
