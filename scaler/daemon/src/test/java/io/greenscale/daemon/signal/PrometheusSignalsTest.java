package io.greenscale.daemon.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenscale.daemon.config.PrometheusConnection;
import io.greenscale.daemon.config.ScalerConfig;
import io.greenscale.daemon.config.TargetConfig;
import io.greenscale.daemon.testing.DaemonHarness;
import io.greenscale.daemon.testing.FakePod;
import io.greenscale.localservers.LocalPrometheus;
import io.greenscale.localservers.RequiresPrograms;
import io.greenscale.policy.signal.Reading;
import io.greenscale.policy.signal.Signal;
import io.greenscale.policy.signal.Signals;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Prometheus signals from a real Prometheus that scrapes pods exposing a real histogram: the
 * default p95, GPU and in-flight templates, batching across targets, NaN, empty and bad queries.
 */
@RequiresPrograms({"prometheus"})
class PrometheusSignalsTest {
    static LocalPrometheus prometheus;
    static final List<FakePod> pods = new ArrayList<>();
    static PrometheusApi api;

    @BeforeAll
    static void start() throws Exception {
        prometheus = LocalPrometheus.builder().scrapeInterval(Duration.ofSeconds(1)).fileServiceDiscovery().start();
        FakePod workerA = new FakePod(0.2, 2, 80);
        FakePod workerB = new FakePod(0.4, 1, 40);
        FakePod web = new FakePod(1.5, 0, 10);
        FakePod idle = new FakePod(-1, 0, 0);
        pods.addAll(List.of(workerA, workerB, web, idle));
        List<Map<String, Object>> groups = List.of(
                group(workerA, "worker", "worker-a"), group(workerB, "worker", "worker-b"),
                group(web, "web", "web-a"), group(idle, "idle", "idle-a"));
        Files.writeString(prometheus.fileSdDir().resolve("pods.json"), new ObjectMapper().writeValueAsString(groups));
        api = new PrometheusApi(new PrometheusConnection(prometheus.baseUri(), Duration.ofSeconds(2), null, null, null, Map.of(), null));
        // Wait for two scrapes of every pod, so rate() has data (a real server's discovery and scrape cycle).
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                api.query("count(rate(greenscale_app_request_duration_seconds_count[1m]))").stream().anyMatch(s -> s.value() == 4));
    }

    static Map<String, Object> group(FakePod pod, String app, String name) {
        return Map.of("targets", List.of(pod.hostPort()), "labels", Map.of("namespace", "shop", "app", app, "pod", name));
    }

    @AfterAll
    static void stop() {
        pods.forEach(FakePod::close);
        prometheus.close();
    }

    static TargetConfig target(String name) {
        ScalerConfig c = DaemonHarness.config("""
                server: {enabled: false}
                targets:
                  - namespace: shop
                    scaleTargetRef: {name: %s}
                    policy: {queue: {enabled: false}, latency: {slo: 1s}, gpu: {target: 0.8}}
                """.formatted(name));
        return c.targets().getFirst();
    }

    static V1Pod pod(String name) {
        return new V1Pod().metadata(new V1ObjectMeta().name(name));
    }

    /** Gathers the targets' signals in one tick, as the loop does. */
    static List<Signals> gather(List<SourceException> failures, TargetConfig... targets) {
        Tick tick = new Tick(Instant.now(), failures::add, Executors.newVirtualThreadPerTaskExecutor());
        List<Signals> out = new ArrayList<>();
        for (TargetConfig t : targets) {
            PodLister podsOf = (ns, selector) -> List.of(pod(t.ref().name() + "-a"), pod(t.ref().name() + "-b"));
            SignalGatherer g = new SignalGatherer(t, null, podsOf, ns -> Map.of(), api,
                    Deadlines.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2)));
            out.add(g.gather(tick, 2, 2, "app=" + t.ref().name(), QueueRates.first()).signals());
        }
        return out;
    }

    static double value(Reading r) {
        assertThat(r).isInstanceOf(Reading.Present.class);
        return ((Reading.Present) r).value();
    }

    @Test
    void default_templates_give_p95_gpu_and_in_flight_per_target() {
        List<SourceException> failures = new CopyOnWriteArrayList<>();
        List<Signals> s = gather(failures, target("worker"), target("web"));
        Signals worker = s.get(0);
        Signals web = s.get(1);
        // Classic buckets …0.25, 0.5…: half the worker's requests take 0.2 s, half 0.4 s, so p95 lies in (0.25, 0.5].
        assertThat(value(worker.get(Signal.P95_LATENCY))).isGreaterThan(0.25).isLessThanOrEqualTo(0.5);
        assertThat(value(web.get(Signal.P95_LATENCY))).isGreaterThan(1).isLessThanOrEqualTo(2.5);
        assertThat(value(worker.get(Signal.GPU))).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(value(worker.get(Signal.IN_FLIGHT))).isEqualTo(3);
        assertThat(failures).isEmpty();
    }

    @Test
    void targets_sharing_a_query_text_send_it_once_per_tick() throws Exception {
        double one = queriesDuring(() -> gather(new ArrayList<>(), target("worker")));
        double two = queriesDuring(() -> gather(new ArrayList<>(), target("worker"), target("web")));
        // p95, GPU and in-flight: three query texts, whatever the number of targets.
        assertThat(one).isEqualTo(3);
        assertThat(two).isEqualTo(3);
    }

    /** Prometheus' own count of instant queries it answered, around {@code action}. */
    private static double queriesDuring(Runnable action) throws Exception {
        double before = queryCount();
        action.run();
        return queryCount() - before;
    }

    /** Read from Prometheus' own /metrics (not through a scrape, which would lag a second behind). */
    private static double queryCount() throws Exception {
        String text = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(prometheus.baseUri().resolve("/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        return text.lines()
                .filter(l -> l.startsWith("prometheus_http_requests_total{") && l.contains("handler=\"/api/v1/query\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void a_histogram_without_observations_is_nan_and_counted() {
        List<SourceException> failures = new CopyOnWriteArrayList<>();
        Signals idle = gather(failures, target("idle")).getFirst();
        assertThat(idle.get(Signal.P95_LATENCY)).isInstanceOfSatisfying(Reading.Absent.class, a -> assertThat(a.reason()).startsWith("prometheus nan:"));
        assertThat(failures).extracting(SourceException::kind).contains(SourceException.Kind.NAN);
    }

    @Test
    void a_target_without_series_is_empty_and_counted() {
        List<SourceException> failures = new CopyOnWriteArrayList<>();
        Signals ghost = gather(failures, target("ghost")).getFirst();
        assertThat(ghost.get(Signal.GPU)).isInstanceOfSatisfying(Reading.Absent.class, a -> assertThat(a.reason()).startsWith("prometheus empty:"));
        assertThat(failures).extracting(SourceException::kind).contains(SourceException.Kind.EMPTY);
    }

    @Test
    void a_bad_query_is_rejected_with_prometheus_reason() {
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(SourceException.class, () -> api.query("sum(rate(x[1m])"));
        assertThat(e.kind()).isEqualTo(SourceException.Kind.REJECTED);
        assertThat(e.getMessage()).contains("parse error");
    }
}
