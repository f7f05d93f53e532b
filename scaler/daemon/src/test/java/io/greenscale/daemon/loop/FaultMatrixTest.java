package io.greenscale.daemon.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenscale.daemon.config.PrometheusConnection;
import io.greenscale.daemon.signal.PrometheusApi;
import io.greenscale.daemon.signal.PromSeries;
import io.greenscale.daemon.standin.Fault;
import io.greenscale.daemon.standin.StandInApiServer;
import io.greenscale.daemon.testing.DaemonHarness;
import io.greenscale.daemon.testing.FakePod;
import io.greenscale.daemon.testing.FaultyProxy;
import io.greenscale.daemon.testing.Frozen;
import io.greenscale.daemon.testing.LogCapture;
import io.greenscale.daemon.testing.MutableClock;
import io.greenscale.localservers.LocalPrometheus;
import io.greenscale.localservers.LocalRedis;
import io.greenscale.localservers.RequiresPrograms;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.ClientType;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.ClientKillParams;

/**
 * Every fault of a source, of the API server, of the guard and of leadership, on real Redis, a
 * real Prometheus and the stand-in API server, with GreenScale's own policy. The workload runs 6
 * replicas under almost no load, so with every signal present the policy scales it down at
 * once. In every case: while the fault lasts nothing is scaled down and nothing goes above the
 * maximum; the failure shows in the metrics and in the logs; the first tick after the fault
 * clears scales down.
 */
@RequiresPrograms({"redis-server", "prometheus"})
class FaultMatrixTest {
    static final int REPLICAS = 6;
    static final int MAX = 8;
    static final String TARGET = "shop/deployment/worker";

    static LocalRedis redis;
    static LocalPrometheus prometheus;
    static FaultyProxy promProxy;
    static PrometheusApi promDirect;
    static final List<FakePod> pods = new ArrayList<>();

    /** What the fault tick must show. */
    enum During {
        /** A decision that holds the current count (a signal is missing), not written. */
        HOLD,
        /** No decision at all: the target could not be read. */
        SKIPPED,
        /** A scale-down decided but not applied (the write failed or was withheld). */
        NOT_APPLIED
    }

    /** The world a fault acts on. */
    record World(StandInApiServer api) {
    }

    @FunctionalInterface
    interface Action {
        void run(World w) throws Exception;
    }

    /**
     * @param metric  a /metrics sample that must rise during the fault (or, with {@code falls}, drop)
     * @param logged  text that must appear in the decision log or the log lines of the fault tick
     */
    record Case(String name, Action inject, Action clear, During during, String metric, boolean falls, String logged, boolean leaderElection) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case source(String name, Action inject, Action clear, String source, String kind, String logged) {
        return new Case(name, inject, clear, During.HOLD, errors(source, kind), false, logged, false);
    }

    static String errors(String source, String kind) {
        return "greenscale_scaler_source_errors_total{kind=\"" + kind + "\",source=\"" + source + "\"}";
    }

    static String skipped(String source, String kind) {
        return "greenscale_scaler_target_skipped_total{kind=\"" + kind + "\",source=\"" + source + "\",target=\"" + TARGET + "\"}";
    }

    static Stream<Case> faults() {
        Action none = w -> { };
        Action clearFaults = w -> w.api().clearFaults();
        return Stream.of(
                // Redis
                source("redis down → queue signals absent, hold", w -> redis.kill(), w -> redis.restart(), "redis", "unavailable", "redis unavailable"),
                source("redis frozen past its timeout → hold", w -> Frozen.redis(redis, Duration.ofMillis(1200)),
                        w -> awaitRedis(), "redis", "timeout", "redis timeout"),
                source("redis password rotated, connections dropped → auth failure, hold", w -> {
                    try (Jedis j = redis.connect()) {
                        j.configSet("requirepass", "rotated");
                        j.clientKill(ClientKillParams.clientKillParams().type(ClientType.NORMAL));
                    }
                }, w -> resetRedisPassword(), "redis", "auth", "redis auth"),
                source("queue key of the wrong type → bad response, hold", w -> {
                    try (Jedis j = redis.connect()) {
                        j.set("jobs", "oops");
                    }
                }, w -> {
                    try (Jedis j = redis.connect()) {
                        j.del("jobs");
                    }
                }, "redis", "bad_response", "WRONGTYPE"),
                // Prometheus
                source("prometheus down → gpu and p95 absent, hold", w -> promProxy.down(), w -> promProxy.up(), "prometheus", "unavailable", "prometheus unavailable"),
                source("prometheus hangs → timeout, hold", w -> promProxy.hang(), w -> promProxy.up(), "prometheus", "timeout", "prometheus timeout"),
                source("exporter reports NaN → gpu absent, hold", w -> gpuEverywhere(Double.NaN), w -> gpuEverywhere(40), "prometheus", "nan", "prometheus nan"),
                source("exporter stops reporting the GPU → no series, hold", w -> gpuGone(), w -> gpuEverywhere(40), "prometheus", "empty", "prometheus empty"),
                // Kubernetes API: reading the target
                new Case("scale read answers 500 → target skipped", w -> w.api().fault(Fault.status("GET", ".*/deployments/worker/scale", 500)),
                        clearFaults, During.SKIPPED, skipped("kubernetes", "server_error"), false, "cannot read the target", false),
                new Case("scale read times out → target skipped", w -> w.api().fault(Fault.delay("GET", ".*/deployments/worker/scale", Duration.ofSeconds(4))),
                        clearFaults, During.SKIPPED, skipped("kubernetes", "timeout"), false, "cannot read the target", false),
                new Case("API server down → target skipped", w -> w.api().down(), w -> w.api().up(),
                        During.SKIPPED, skipped("kubernetes", "unavailable"), false, "cannot read the target", false),
                new Case("workload list answers 500 (pause unknown) → target skipped",
                        w -> w.api().fault(Fault.status("GET", "/apis/apps/v1/namespaces/shop/deployments", 500)),
                        clearFaults, During.SKIPPED, skipped("kubernetes", "server_error"), false, "cannot read the target", false),
                new Case("HPA list forbidden (conflict unknown) → target skipped",
                        w -> w.api().fault(Fault.status("GET", ".*/horizontalpodautoscalers", 403)),
                        clearFaults, During.SKIPPED, skipped("kubernetes", "auth"), false, "cannot read the target", false),
                // Kubernetes API: signals
                source("pod list answers 500 → ready and cpu absent, hold", w -> w.api().fault(Fault.status("GET", "/api/v1/namespaces/shop/pods", 500)),
                        clearFaults, "kubernetes", "server_error", "kubernetes server_error"),
                source("pod list times out → ready and cpu absent, hold",
                        w -> w.api().fault(Fault.delay("GET", "/api/v1/namespaces/shop/pods", Duration.ofSeconds(4))),
                        clearFaults, "kubernetes", "timeout", "kubernetes timeout"),
                source("metrics API unavailable (503) → cpu absent, hold", w -> w.api().fault(Fault.status("GET", "/apis/metrics.k8s.io/.*", 503)),
                        clearFaults, "metrics_api", "server_error", "metrics_api server_error"),
                source("metrics API has no samples yet → cpu absent, hold", w -> w.api().resources().clearUsage(), FaultMatrixTest::usage,
                        "metrics_api", "empty", "no CPU sample"),
                // Kubernetes API: writing
                new Case("scale write conflicts (409) → re-read and written next tick",
                        w -> w.api().fault(Fault.status("PUT", ".*/scale", 409).times(1)), clearFaults, During.NOT_APPLIED,
                        "greenscale_scaler_scale_writes_total{result=\"conflict\",target=\"" + TARGET + "\"}", false, "deciding again next tick", false),
                new Case("scale write answers 500 → Warning Event, retried next tick",
                        w -> w.api().fault(Fault.status("PUT", ".*/scale", 500).times(1)), clearFaults, During.NOT_APPLIED,
                        "greenscale_scaler_scale_writes_total{result=\"failed\",target=\"" + TARGET + "\"}", false, "could not scale", false),
                new Case("scale write times out → retried next tick",
                        w -> w.api().fault(Fault.delay("PUT", ".*/scale", Duration.ofSeconds(4)).times(1)), clearFaults, During.NOT_APPLIED,
                        errors("kubernetes", "timeout"), false, "kubernetes timeout", false),
                // Guard and leadership
                new Case("an HPA appears on the workload → refused with an Event", w -> w.api().resources().hpa("shop", "worker-hpa", "worker", 6),
                        w -> w.api().resources().deleteHpa("shop", "worker-hpa"), During.HOLD,
                        "greenscale_scaler_decisions_total{reason=\"CONFLICT\",target=\"" + TARGET + "\"}", false, "HorizontalPodAutoscaler worker-hpa", false),
                new Case("paused by annotation → nothing written", w -> w.api().resources().annotateDeployment("shop", "worker", "greenscale.io/paused", "true"),
                        w -> w.api().resources().annotateDeployment("shop", "worker", "greenscale.io/paused", null), During.HOLD,
                        "greenscale_scaler_decisions_total{reason=\"PAUSED\",target=\"" + TARGET + "\"}", false, "paused by annotation", false),
                new Case("leader loses the Lease → decides in dry-run, writes nothing", FaultMatrixTest::loseLease, FaultMatrixTest::regainLease,
                        During.NOT_APPLIED, "greenscale_scaler_leader", true, "\"mode\":\"dry-run\"", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void a_fault_holds_shows_and_clears_within_one_tick(Case c) throws Exception {
        resetRedisPassword();
        redis.flushAll();
        seedQueue();
        try (StandInApiServer api = StandInApiServer.start(); LogCapture logs = new LogCapture()) {
            seedCluster(api);
            World world = new World(api);
            try (DaemonHarness daemon = DaemonHarness.start(DaemonHarness.config(yaml(c.leaderElection())), api, MutableClock.atNow())) {
                if (c.leaderElection()) {
                    Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> daemon.daemon().leadership().isLeader());
                }
                List<JsonNode> baseline = daemon.tick();
                assertThat(baseline).singleElement().satisfies(l -> assertThat(l.get("desired").asInt()).isEqualTo(REPLICAS));

                c.inject().run(world);
                if (c.leaderElection()) {
                    Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> !daemon.daemon().leadership().isLeader());
                }
                double before = daemon.metric(c.metric());
                logs.clear();
                List<JsonNode> during = daemon.tickAfter(Duration.ofSeconds(5));
                String visible = during + "\n" + String.join("\n", logs.lines());

                // Nothing scaled down, nothing above the maximum.
                assertThat(api.resources().replicas("shop", "worker")).isEqualTo(REPLICAS);
                switch (c.during()) {
                    case HOLD -> assertThat(during).singleElement().satisfies(l -> {
                        assertThat(l.get("desired").asInt()).isEqualTo(REPLICAS);
                        assertThat(l.get("applied").asBoolean()).isFalse();
                    });
                    case SKIPPED -> assertThat(during).isEmpty();
                    case NOT_APPLIED -> assertThat(during).singleElement().satisfies(l -> {
                        assertThat(l.get("desired").asInt()).isLessThan(REPLICAS);
                        assertThat(l.get("applied").asBoolean()).isFalse();
                    });
                }
                during.forEach(l -> assertThat(l.get("desired").asInt()).isLessThanOrEqualTo(MAX));
                // Visible in metrics and logs.
                double after = daemon.metric(c.metric());
                if (c.falls()) {
                    assertThat(after).as(c.metric()).isLessThan(before);
                } else {
                    assertThat(after).as(c.metric()).isGreaterThan(before);
                }
                assertThat(visible).contains(c.logged());

                c.clear().run(world);
                if (c.leaderElection()) {
                    Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> daemon.daemon().leadership().isLeader());
                }
                List<JsonNode> recovered = daemon.tickAfter(Duration.ofSeconds(5));
                assertThat(recovered).singleElement().satisfies(l -> {
                    assertThat(l.get("desired").asInt()).isLessThan(REPLICAS).isGreaterThanOrEqualTo(1);
                    assertThat(l.get("applied").asBoolean()).isTrue();
                    assertThat(api.resources().replicas("shop", "worker")).isEqualTo(l.get("desired").asInt());
                });
            }
        }
    }

    static String yaml(boolean leaderElection) {
        return """
                server: {enabled: false}
                kubernetes: {requestTimeout: 1s}
                redis: {url: "redis://127.0.0.1:%d", timeout: 300ms}
                prometheus: {url: "http://127.0.0.1:%d", timeout: 500ms}
                leaderElection: {enabled: %s, namespace: shop, leaseName: scaler, leaseDuration: 4s, renewDeadline: 3s, retryPeriod: 1s}
                targets:
                  - namespace: shop
                    scaleTargetRef: {name: worker}
                    queue: {name: jobs}
                    policy:
                      minReplicas: 1
                      maxReplicas: %d
                      cpu: {target: 0.7}
                      gpu: {target: 0.85}
                      latency: {slo: 1s}
                      scaleDown: {stabilizationWindow: 0s, cooldown: 0s, policies: [{type: percent, value: 100, period: 1s}]}
                """.formatted(redis.port(), promProxy.port(), leaderElection, MAX);
    }

    // ---- the world before each case ----

    static void seedQueue() {
        try (Jedis j = redis.connect()) {
            j.set("jobs:stats:enqueued", "100");
            j.set("jobs:stats:completed", "100");
        }
    }

    static void seedCluster(StandInApiServer api) {
        api.resources().deployment("shop", "worker", REPLICAS);
        api.resources().reconcile("shop", "worker", 500L);
        usage(new World(api));
    }

    static void usage(World w) {
        for (int i = 0; i < REPLICAS; i++) {
            w.api().resources().usage("shop", "worker-" + i, 50);
        }
    }

    // ---- real servers and the faults that act on them ----

    @BeforeAll
    static void startServers() throws Exception {
        redis = LocalRedis.start();
        prometheus = LocalPrometheus.builder().scrapeInterval(Duration.ofSeconds(1)).fileServiceDiscovery().start();
        for (int i = 0; i < REPLICAS; i++) {
            pods.add(new FakePod(0.2, 0, 40));
        }
        pods.add(new FakePod(0.2, 0, 40));
        discover();
        promProxy = new FaultyProxy(prometheus.port());
        promDirect = new PrometheusApi(new PrometheusConnection(prometheus.baseUri(), Duration.ofSeconds(2), null, null, null, Map.of(), null));
        awaitPrometheus(series -> series.size() == REPLICAS + 1, "count(rate(greenscale_app_request_duration_seconds_count[1m])) by (pod)");
    }

    @AfterAll
    static void stopServers() {
        promProxy.close();
        pods.forEach(FakePod::close);
        prometheus.close();
        redis.close();
    }

    /** Announces the worker pods (and one unrelated pod) to Prometheus through file-based discovery. */
    static void discover() throws Exception {
        List<Map<String, Object>> groups = new ArrayList<>();
        for (int i = 0; i < pods.size(); i++) {
            boolean worker = i < REPLICAS;
            groups.add(Map.of("targets", List.of(pods.get(i).hostPort()),
                    "labels", Map.of("namespace", "shop", "app", worker ? "worker" : "other", "pod", worker ? "worker-" + i : "other-0")));
        }
        Files.writeString(prometheus.fileSdDir().resolve("pods.json"), new ObjectMapper().writeValueAsString(groups));
    }

    static void gpuGone() {
        pods.forEach(FakePod::gpuGone);
        awaitPrometheus(List::isEmpty, "DCGM_FI_DEV_GPU_UTIL{app=\"worker\"}");
    }

    static void gpuEverywhere(double percent) throws Exception {
        pods.forEach(p -> p.gpu(percent));
        awaitPrometheus(series -> series.size() == REPLICAS && series.stream().allMatch(s -> Double.isNaN(s.value()) == Double.isNaN(percent)),
                "DCGM_FI_DEV_GPU_UTIL{app=\"worker\"}");
    }

    /** Waits for a real Prometheus to have scraped what a case changed (its scrape cycle is one second). */
    static void awaitPrometheus(Predicate<List<PromSeries>> until, String query) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> until.test(promDirect.query(query)));
    }

    /** Removes a password a case set, whether or not that case got to clear it. */
    static void resetRedisPassword() {
        try (Jedis j = redis.connect()) {
            try {
                j.ping();
            } catch (JedisDataException e) {
                j.auth("rotated");
            }
            j.configSet("requirepass", "");
        }
    }

    static void awaitRedis() {
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> {
            try (Jedis j = redis.connect()) {
                return "PONG".equals(j.ping());
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    static void loseLease(World w) {
        w.api().resources().takeLease("shop", "scaler", "scaler-1");
    }

    static void regainLease(World w) {
        w.api().resources().releaseLease("shop", "scaler");
    }
}
