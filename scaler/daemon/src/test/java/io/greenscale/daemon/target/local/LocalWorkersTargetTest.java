package io.greenscale.daemon.target.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenscale.daemon.config.LocalSpec;
import io.greenscale.daemon.config.RedisConnection;
import io.greenscale.daemon.signal.PodSignals;
import io.greenscale.daemon.signal.PodSnapshots;
import io.greenscale.daemon.signal.Tick;
import io.greenscale.daemon.target.Observation;
import io.greenscale.daemon.target.WriteResult;
import io.greenscale.policy.signal.PodSnapshot;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local target with real child processes (a JDK-only stand-in for the app's worker, each its own JVM). */
class LocalWorkersTargetTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RedisConnection REDIS = new RedisConnection("127.0.0.1", 6379, 0, null, null, false, null, Duration.ofSeconds(1), 1);

    static LocalSpec spec(Path dir, Map<String, String> env, int initial, Duration grace) throws URISyntaxException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classes = Path.of(StandInWorker.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        return new LocalSpec("infer", List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xmx24m", "-XX:+UseSerialGC", "-cp", classes,
                StandInWorker.class.getName()), List.of(), env, initial, 4, Duration.ofMillis(1500), Duration.ofSeconds(1), 1, 1, 250,
                grace, Duration.ofSeconds(1), dir.resolve("sd/workers.json"), dir.resolve("workers.jsonl"), dir.resolve("logs"));
    }

    static LocalWorkersTarget target(LocalSpec spec) {
        return new LocalWorkersTarget(spec, "local", REDIS, "jobs", InstantSource.system(), Readiness.http(), CpuTime.system(),
                Spawner.processes());
    }

    static Tick tick() {
        return new Tick(Instant.now(), failure -> { }, Executors.newVirtualThreadPerTaskExecutor());
    }

    static List<JsonNode> events(Path dir) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("workers.jsonl"))) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    static List<String> eventsOf(Path dir, String event) throws Exception {
        return events(dir).stream().filter(e -> e.get("event").asText().equals(event)).map(e -> e.path("worker").asText()).toList();
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Test
    void scales_up_to_ready_workers_then_down_stopping_the_idle_first_and_leaves_no_process(@TempDir Path dir) throws Exception {
        List<Long> pids = new ArrayList<>();
        try (LocalWorkersTarget target = target(spec(dir, Map.of("STANDIN_DRAIN_MS", "300"), 1, Duration.ofSeconds(10))).start()) {
            Observation first = target.observe(tick());
            assertThat(first.specReplicas()).isEqualTo(1);
            assertThat(first.selector()).isEqualTo("app=infer");

            assertThat(target.scale(first, 3, Map.of(), tick())).isEqualTo(new WriteResult.Applied(1, 3));
            assertThat(target.observe(tick()).statusReplicas()).isEqualTo(3);
            target.views().forEach(w -> pids.add(w.pid()));
            // Not ready before the cold start, ready after it: the pod view carries both as the API would.
            assertThat(snapshots(target)).noneMatch(PodSnapshot::isServing);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> PodSignals.ready(snapshots(target)) == 3);
            assertThat(events(dir).stream().filter(e -> e.get("event").asText().equals("ready")))
                    .allSatisfy(e -> assertThat(e.get("after_s").asDouble()).isGreaterThanOrEqualTo(1.5));

            // Prometheus finds every live worker, with the labels the default PromQL signals match.
            JsonNode sd = JSON.readTree(dir.resolve("sd/workers.json").toFile());
            assertThat(sd).hasSize(3);
            assertThat(sd.get(0).get("labels").get("app").asText()).isEqualTo("infer");
            assertThat(sd.get(0).get("labels").get("namespace").asText()).isEqualTo("local");
            assertThat(sd.get(0).get("targets").get(0).asText()).startsWith("127.0.0.1:");
            // CPU is sampled per process like metrics-server: a sample after two readings, over the resolution window.
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> target.usage().size() == 3);
            assertThat(target.usage().values()).allSatisfy(u -> assertThat(u.window()).isBetween(Duration.ofMillis(900), Duration.ofSeconds(3)));

            // Busy-aware scale-down: the deletion costs are the jobs each worker holds; the two idlest go.
            List<String> ids = target.views().stream().map(WorkerView::id).toList();
            Map<String, Integer> costs = Map.of(ids.get(0), 2, ids.get(1), 0, ids.get(2), 1);
            assertThat(target.scale(target.observe(tick()), 1, costs, tick())).isEqualTo(new WriteResult.Applied(3, 1));
            assertThat(eventsOf(dir, "terminate")).containsExactly(ids.get(1), ids.get(2));
            assertThat(target.observe(tick()).statusReplicas()).isEqualTo(1);
            assertThat(snapshots(target)).filteredOn(PodSnapshot::deleted).hasSizeLessThanOrEqualTo(2);
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> target.views().size() == 1);
            assertThat(events(dir).stream().filter(e -> e.get("event").asText().equals("exit")))
                    .allSatisfy(e -> assertThat(e.get("asked").asBoolean()).isTrue());
            assertThat(eventsOf(dir, "kill")).isEmpty();
        }
        assertThat(pids).hasSize(3).noneMatch(LocalWorkersTargetTest::alive);
        assertThat(JSON.readTree(dir.resolve("sd/workers.json").toFile())).isEmpty();
        assertThat(events(dir).getLast().get("event").asText()).isEqualTo("exit");
    }

    @Test
    void a_worker_deaf_to_sigterm_is_killed_after_the_grace_and_one_that_dies_unasked_is_replaced(@TempDir Path dir) throws Exception {
        List<Long> pids = new ArrayList<>();
        try (LocalWorkersTarget deaf = target(spec(dir.resolve("deaf"), Map.of("STANDIN_HANG_ON_TERM", "1"), 1, Duration.ofSeconds(1))).start();
             LocalWorkersTarget crashing = target(spec(dir.resolve("crash"), Map.of("STANDIN_CRASH_AFTER_MS", "1200"), 1, Duration.ofSeconds(1))).start()) {
            deaf.views().forEach(w -> pids.add(w.pid()));
            // Ready means it runs its SIGTERM handling (a JVM signalled before it installs it just exits).
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> deaf.views().getFirst().ready());
            assertThat(deaf.scale(deaf.observe(tick()), 0, Map.of(), tick())).isEqualTo(new WriteResult.Applied(1, 0));
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> deaf.views().isEmpty());
            assertThat(eventsOf(dir.resolve("deaf"), "kill")).hasSize(1);
            assertThat(events(dir.resolve("deaf")).stream().filter(e -> e.get("event").asText().equals("exit")).findFirst().orElseThrow()
                    .get("exit_code").asInt()).isEqualTo(137);

            // A ReplicaSet keeps its replicas: the crashed worker is replaced, with a back-off between restarts.
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> eventsOf(dir.resolve("crash"), "spawn").size() >= 2);
            assertThat(events(dir.resolve("crash")).stream().filter(e -> e.get("event").asText().equals("exit")).findFirst().orElseThrow()
                    .get("asked").asBoolean()).isFalse();
            crashing.views().forEach(w -> pids.add(w.pid()));
        }
        assertThat(pids).noneMatch(LocalWorkersTargetTest::alive);
    }

    private static List<PodSnapshot> snapshots(LocalWorkersTarget target) {
        return target.pods().stream().map(p -> PodSnapshots.of(p, null)).toList();
    }
}
