package io.greenscale.app.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.greenscale.app.ChildApp;
import io.greenscale.localservers.LocalRedis;
import io.greenscale.localservers.RequiresPrograms;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;

/**
 * Two worker processes, 1,200 jobs (50 of them malformed), one worker killed with SIGKILL midway:
 * every valid job ends with a result, every malformed one in the dead-letter list, nothing is lost,
 * and the duplicates are counted. The survivor is then stopped with SIGTERM and leaves cleanly.
 */
@RequiresPrograms({"redis-server"})
class WorkerCrashTest {
    static final QueueKeys KEYS = new QueueKeys("jobs");
    static final int VALID = 1_150;
    static final int MALFORMED = 50;

    @TempDir
    Path dir;

    @Test
    void killingAWorkerMidwayLosesNoJobAndEveryMalformedJobIsDeadLettered() throws Exception {
        try (LocalRedis redis = LocalRedis.start(); Jedis jedis = redis.connect();
             RedisClient client = RedisClient.create(URI.create(redis.uri()))) {
            List<String> jobs = new ArrayList<>();
            Set<String> validIds = new HashSet<>();
            Set<String> malformed = new HashSet<>();
            for (int i = 0; i < VALID; i++) {
                String id = "job-" + i;
                validIds.add(id);
                jobs.add(i % 5 == 0
                        ? "{\"id\":\"" + id + "\",\"kind\":\"infer\",\"inputs\":[" + row(i) + "]}"
                        : "{\"id\":\"" + id + "\",\"kind\":\"matmul\",\"n\":96,\"iterations\":2,\"enqueued_at_ms\":" + System.currentTimeMillis() + "}");
            }
            for (int i = 0; i < MALFORMED; i++) {
                String bad = switch (i % 3) {
                    case 0 -> "{\"id\":\"bad-" + i + "\",\"kind\":\"matmul\",\"n\":999999}";
                    case 1 -> "{\"kind\":\"infer\",\"inputs\":[[1]], \"seq\":" + i + "}";
                    default -> "garbage " + i;
                };
                malformed.add(bad);
                jobs.add(bad);
            }
            Collections.shuffle(jobs, new java.util.Random(7));
            new Producer(client, KEYS).enqueueAll(jobs);

            String[] common = {"--mode", "worker", "--port", "0", "--redis", redis.uri(), "--engine", "java", "--engine-threads", "1",
                "--concurrency", "3", "--heartbeat", "500ms", "--service-time-scale", "4", "--max-n", "512"};
            try (ChildApp a = ChildApp.start(dir, "worker-a", with(common, "--worker-id", "worker-a"));
                 ChildApp b = ChildApp.start(dir, "worker-b", with(common, "--worker-id", "worker-b"))) {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20))
                        .until(() -> count(jedis, KEYS.completed()) >= 400 && jedis.llen(KEYS.processing("worker-a")) > 0);
                a.kill();
                long inHandAtKill = jedis.llen(KEYS.processing("worker-a"));

                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() ->
                        jedis.llen(KEYS.pending()) == 0 && jedis.llen(KEYS.processing("worker-b")) == 0
                                && jedis.llen(KEYS.processing("worker-a")) == 0 && jedis.llen(KEYS.dead()) == MALFORMED
                                && count(jedis, KEYS.completed()) >= VALID);

                long completed = count(jedis, KEYS.completed());
                long duplicates = completed - VALID;
                System.out.printf("kill -9 of worker-a holding %d job(s): %d reclaimed, %d completions for %d jobs = %d duplicate(s)%n",
                        inHandAtKill, count(jedis, KEYS.reclaimed()), completed, VALID, duplicates);
                assertThat(resultsMissing(jedis, validIds)).as("jobs without a result").isZero();
                assertThat(inHandAtKill).as("worker-a held jobs when killed").isPositive();
                // At least what the dead worker held; more where a starved but live worker missed its heartbeats
                // on a loaded machine and lost its jobs early (the at-least-once case: those may complete twice).
                assertThat(count(jedis, KEYS.reclaimed())).isGreaterThanOrEqualTo(inHandAtKill);
                assertThat(duplicates).isGreaterThanOrEqualTo(0);
                assertThat(count(jedis, KEYS.enqueued())).isEqualTo(VALID + MALFORMED);
                assertThat(count(jedis, KEYS.deadCount())).isEqualTo(MALFORMED);
                Set<String> deadJobs = new HashSet<>();
                for (String d : jedis.lrange(KEYS.dead(), 0, -1)) {
                    deadJobs.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(d).get("job").asText());
                }
                assertThat(deadJobs).isEqualTo(malformed);
                assertThat(jedis.smembers(KEYS.workers())).containsExactly("worker-b");

                int status = b.terminate(Duration.ofSeconds(30));
                assertThat(status).as(b.log()).isEqualTo(143);
                assertThat(b.log()).contains("stopped");
                assertThat(jedis.smembers(KEYS.workers())).isEmpty();
                assertThat(jedis.exists(KEYS.heartbeat("worker-b"))).isFalse();
            }
        }
    }

    static long count(Jedis jedis, String key) {
        String v = jedis.get(key);
        return v == null ? 0 : Long.parseLong(v);
    }

    static long resultsMissing(Jedis jedis, Set<String> ids) {
        long missing = 0;
        for (String id : ids) {
            if (!jedis.exists(QueueKeys.result(id))) {
                missing++;
            }
        }
        return missing;
    }

    static String row(int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("[");
        for (int j = 0; j < 256; j++) {
            sb.append(j == 0 ? "" : ",").append(Math.round(r.nextDouble(-1, 1) * 1000) / 1000.0);
        }
        return sb.append(']').toString();
    }

    static String[] with(String[] common, String... more) {
        String[] all = new String[common.length + more.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(more, 0, all, common.length, more.length);
        return all;
    }
}
