package io.greenscale.app.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenscale.app.GatedEngine;
import io.greenscale.app.admit.ComputeGate;
import io.greenscale.app.admit.Lifecycle;
import io.greenscale.app.admit.Pacer;
import io.greenscale.app.compute.ComputeFailure;
import io.greenscale.app.compute.Engine;
import io.greenscale.app.compute.EngineKind;
import io.greenscale.app.compute.cpu.VectorEngine;
import io.greenscale.app.metrics.AppMetrics;
import io.greenscale.app.model.Mlp;
import io.greenscale.app.work.Limits;
import io.greenscale.app.work.WorkParser;
import io.greenscale.app.work.WorkRunner;
import io.greenscale.localservers.LocalRedis;
import io.greenscale.localservers.RequiresPrograms;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/** The queue protocol against a real Redis, one worker in this process. */
@RequiresPrograms({"redis-server"})
class QueueWorkerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final QueueKeys KEYS = new QueueKeys("jobs");
    static final Duration HEARTBEAT = Duration.ofMillis(100);
    static LocalRedis redis;
    static RedisClient client;
    final List<QueueWorker> workers = new ArrayList<>();
    final List<ComputeGate> gates = new ArrayList<>();
    Jedis jedis;

    @BeforeAll
    static void startRedis() {
        redis = LocalRedis.start();
        client = RedisClient.create(URI.create(redis.uri()));
    }

    @AfterAll
    static void stopRedis() {
        client.close();
        redis.close();
    }

    @BeforeEach
    void clean() {
        redis.flushAll();
        jedis = redis.connect();
    }

    @AfterEach
    void stopWorkers() {
        workers.forEach(QueueWorker::close);
        gates.forEach(ComputeGate::close);
        jedis.close();
    }

    QueueWorker worker(String id, Engine engine, int consumers) {
        return worker(id, engine, consumers, client);
    }

    QueueWorker worker(String id, Engine engine, int consumers, RedisClient redisClient) {
        Lifecycle lifecycle = new Lifecycle(InstantSource.system());
        lifecycle.warmedUp(Instant.now(), Duration.ZERO);
        Mlp model = Mlp.seeded(42, Mlp.DEFAULT_WIDTHS);
        ComputeGate gate = new ComputeGate(consumers, 0, 1.0, Duration.ZERO, Pacer.parking(), System::nanoTime);
        gates.add(gate);
        WorkParser parser = new WorkParser(new Limits(256, 4, 8), model.inputWidth(), model.flopsPerRow());
        QueueWorker w = new QueueWorker(redisClient, new QueueWorker.Config(KEYS, id, consumers, HEARTBEAT, Duration.ofMinutes(5)), JSON,
                new JobParser(JSON, parser), gate, new WorkRunner(engine, model), lifecycle, new AppMetrics(engine, gate, Optional.empty()));
        workers.add(w);
        return w;
    }

    static String matmul(String id, int n) {
        return "{\"id\":\"" + id + "\",\"kind\":\"matmul\",\"n\":" + n + ",\"iterations\":1}";
    }

    static String infer(String id, int rows) {
        String row = IntStream.range(0, 256).mapToObj(i -> "0.25").collect(Collectors.joining(",", "[", "]"));
        return "{\"id\":\"" + id + "\",\"kind\":\"infer\",\"inputs\":[" + String.join(",", java.util.Collections.nCopies(rows, row)) + "]}";
    }

    JsonNode result(String id) throws IOException {
        String r = jedis.get(QueueKeys.result(id));
        return r == null ? null : JSON.readTree(r);
    }

    void awaitCompleted(long count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> "%d".formatted(count).equals(jedis.get(KEYS.completed())));
    }

    @Test
    void everyJobGetsAResultWithTtlACountAndADoneNoticeAndLeavesTheProcessingList() throws Exception {
        List<String> done = new CopyOnWriteArrayList<>();
        JedisPubSub listener = new JedisPubSub() {
            @Override
            public void onMessage(String channel, String message) {
                done.add(message);
            }
        };
        Thread subscriber = Thread.ofVirtual().start(() -> {
            try (Jedis sub = redis.connect()) {
                sub.subscribe(listener, KEYS.done());
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> jedis.pubsubNumSub(KEYS.done()).get(KEYS.done()) == 1L);
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            jobs.add(i % 2 == 0 ? matmul("m" + i, 32) : infer("i" + i, 2));
        }
        new Producer(client, KEYS).enqueueAll(jobs);

        worker("w1", new VectorEngine(1, "test cpu"), 2).start();
        awaitCompleted(20);
        await().atMost(Duration.ofSeconds(5)).until(() -> done.size() == 20);
        listener.unsubscribe();
        subscriber.join();

        assertThat(jedis.get(KEYS.enqueued())).isEqualTo("20");
        assertThat(jedis.llen(KEYS.pending())).isZero();
        assertThat(jedis.llen(KEYS.processing("w1"))).isZero();
        assertThat(done).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 20).mapToObj(i -> (i % 2 == 0 ? "m" : "i") + i).toList());
        assertThat(result("m0").get("checksum").isNumber()).isTrue();
        assertThat(result("i1").get("outputs").size()).isEqualTo(2);
        assertThat(result("i1").get("outputs").get(0).size()).isEqualTo(256);
        assertThat(result("i1").has("inputs")).isFalse();
        assertThat(jedis.pttl(QueueKeys.result("m0"))).isBetween(1L, Duration.ofMinutes(5).toMillis());
        assertThat(jedis.smembers(KEYS.workers())).containsExactly("w1");
        assertThat(jedis.exists(KEYS.heartbeat("w1"))).isTrue();
    }

    @Test
    void theResultCarriesTimesTheWorkerTheEngineAndTheJobsExtraFields() throws Exception {
        new Producer(client, KEYS).enqueue("{\"id\":\"x1\",\"kind\":\"matmul\",\"n\":16,\"enqueued_at_ms\":1700000000000,\"client\":\"loadgen-3\"}");

        worker("w1", new VectorEngine(1, "test cpu"), 1).start();
        awaitCompleted(1);

        JsonNode r = result("x1");
        assertThat(r.get("id").asText()).isEqualTo("x1");
        assertThat(r.get("worker").asText()).isEqualTo("w1");
        assertThat(r.get("engine").asText()).isEqualTo("java");
        assertThat(r.get("client").asText()).isEqualTo("loadgen-3");
        assertThat(r.get("enqueued_at_ms").asLong()).isEqualTo(1700000000000L);
        assertThat(r.get("completed_at_ms").asLong()).isGreaterThanOrEqualTo(r.get("started_at_ms").asLong());
        assertThat(r.get("started_at_ms").asLong()).isGreaterThan(1700000000000L);
        assertThat(r.get("n").asInt()).isEqualTo(16);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("not JSON → dead-lettered", "this is not json", "not JSON"),
                Arguments.of("a JSON list → dead-lettered", "[1,2]", "a job must be a JSON object"),
                Arguments.of("no id → dead-lettered", "{\"kind\":\"matmul\",\"n\":8}", "id: is required"),
                Arguments.of("unknown kind → dead-lettered", "{\"id\":\"a\",\"kind\":\"train\"}", "kind = \"train\": must be matmul or infer"),
                Arguments.of("n beyond the limit → dead-lettered", "{\"id\":\"a\",\"kind\":\"matmul\",\"n\":100000}",
                        "n = 100000: must be in [1, 256] (--max-n)"),
                Arguments.of("rows of the wrong width → dead-lettered", "{\"id\":\"a\",\"kind\":\"infer\",\"inputs\":[[1,2]]}",
                        "inputs[0] = [1,2]: must be a list of exactly 256 numbers"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aMalformedJobGoesToTheDeadLetterListWithTheReasonAndTheNextJobStillRuns(String name, String raw, String reason) throws Exception {
        new Producer(client, KEYS).enqueueAll(List.of(raw, matmul("good", 8)));

        worker("w1", new VectorEngine(1, "test cpu"), 1).start();
        awaitCompleted(1);

        assertThat(jedis.llen(KEYS.dead())).isEqualTo(1);
        JsonNode dead = JSON.readTree(jedis.lindex(KEYS.dead(), 0));
        assertThat(dead.get("job").asText()).isEqualTo(raw);
        assertThat(dead.get("reason").asText()).contains(reason);
        assertThat(dead.get("worker").asText()).isEqualTo("w1");
        assertThat(dead.get("at_ms").asLong()).isPositive();
        assertThat(jedis.get(KEYS.deadCount())).isEqualTo("1");
        assertThat(jedis.llen(KEYS.processing("w1"))).isZero();
        assertThat(result("good")).isNotNull();
    }

    @Test
    void aJobWhoseComputationFailsIsDeadLetteredAsFailedNotRetried() throws Exception {
        Engine failsOnThirteen = new FailingEngine(13);
        new Producer(client, KEYS).enqueueAll(List.of(matmul("bad", 13), matmul("good", 8)));

        worker("w1", failsOnThirteen, 1).start();
        awaitCompleted(1);

        assertThat(JSON.readTree(jedis.lindex(KEYS.dead(), 0)).get("reason").asText()).isEqualTo("compute failed: no 13s here");
        assertThat(jedis.get(KEYS.failed())).isEqualTo("1");
        assertThat(jedis.get(KEYS.deadCount())).isEqualTo("1");
        assertThat(jedis.llen(KEYS.pending())).isZero();
    }

    @Test
    void theJobsOfAWorkerWithoutAHeartbeatAreReclaimedAndThoseOfALiveOneAreNot() throws Exception {
        jedis.sadd(KEYS.workers(), "ghost", "alive");
        jedis.lpush(KEYS.processing("ghost"), matmul("g1", 8), matmul("g2", 8), matmul("g3", 8));
        jedis.set(KEYS.heartbeat("alive"), "1", SetParams.setParams().px(60_000));
        jedis.lpush(KEYS.processing("alive"), matmul("a1", 8));

        worker("w1", new VectorEngine(1, "test cpu"), 1).start();
        awaitCompleted(3);

        assertThat(result("g1")).isNotNull();
        assertThat(result("g3")).isNotNull();
        assertThat(jedis.get(KEYS.reclaimed())).isEqualTo("3");
        assertThat(jedis.smembers(KEYS.workers())).containsExactlyInAnyOrder("w1", "alive");
        assertThat(jedis.llen(KEYS.processing("alive"))).isEqualTo(1);
        assertThat(result("a1")).isNull();
    }

    @Test
    void whatAnEarlierRunOfTheSameWorkerIdLeftIsTakenBackAtStart() throws Exception {
        jedis.lpush(KEYS.processing("w1"), matmul("left1", 8), matmul("left2", 8));

        worker("w1", new VectorEngine(1, "test cpu"), 1).start();
        awaitCompleted(2);

        assertThat(result("left1")).isNotNull();
        assertThat(result("left2")).isNotNull();
    }

    @Test
    void aWorkerStartedBeforeRedisAnswersRegistersAndConsumesOnceItDoes() throws Exception {
        int port = io.greenscale.localservers.FreePorts.next();
        try (RedisClient later = RedisClient.create(URI.create("redis://127.0.0.1:" + port))) {
            QueueWorker w = worker("w-early", new VectorEngine(1, "test cpu"), 1, later);
            w.start();
            try (LocalRedis late = LocalRedis.start(port); Jedis j = late.connect()) {
                new Producer(later, KEYS).enqueue(matmul("after", 8));

                await().atMost(Duration.ofSeconds(30)).until(() -> j.exists(QueueKeys.result("after")));
                assertThat(j.smembers(KEYS.workers())).containsExactly("w-early");
                w.close();
                workers.remove(w);
            }
        }
    }

    @Test
    void drainingStopsTakingJobsFinishesTheOnesInHandAndLeavesCleanly() throws Exception {
        GatedEngine engine = new GatedEngine();
        QueueWorker w = worker("w1", engine, 2);
        new Producer(client, KEYS).enqueueAll(List.of(matmul("h1", 8), matmul("h2", 8)));
        w.start();
        engine.awaitEntered(2);

        var drained = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return w.drain(Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ofMillis(1200)).until(() -> true); // longer than one BLMOVE timeout
        new Producer(client, KEYS).enqueueAll(List.of(matmul("late1", 8), matmul("late2", 8)));
        engine.open();

        assertThat(drained.get()).isTrue();
        w.close();
        workers.remove(w);
        assertThat(jedis.get(KEYS.completed())).isEqualTo("2");
        assertThat(jedis.llen(KEYS.pending())).isEqualTo(2);
        assertThat(jedis.smembers(KEYS.workers())).doesNotContain("w1");
        assertThat(jedis.exists(KEYS.heartbeat("w1"))).isFalse();
    }

    /** The Vector API engine, except that a product with m rows fails as a native library would. */
    record FailingEngine(int failingM) implements Engine {
        @Override
        public EngineKind kind() {
            return EngineKind.JAVA;
        }

        @Override
        public String device() {
            return "test cpu";
        }

        @Override
        public String describe() {
            return "failing test engine";
        }

        @Override
        public float[] multiply(float[] a, float[] b, int m, int n, int k) {
            if (m == failingM) {
                throw new ComputeFailure("no 13s here");
            }
            return new VectorEngine(1, "test cpu").multiply(a, b, m, n, k);
        }
    }
}
