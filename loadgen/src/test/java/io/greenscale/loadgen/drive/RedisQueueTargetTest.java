package io.greenscale.loadgen.drive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenscale.loadgen.profile.Arrivals;
import io.greenscale.loadgen.profile.ConstantProfile;
import io.greenscale.loadgen.record.RunDirectory;
import io.greenscale.loadgen.record.RunSummary;
import io.greenscale.loadgen.record.TimeseriesRow;
import io.greenscale.localservers.LocalRedis;
import io.greenscale.localservers.RequiresPrograms;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

@RequiresPrograms({"redis-server"})
class RedisQueueTargetTest {
    static LocalRedis redis;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startRedis() {
        redis = LocalRedis.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void empty() {
        redis.flushAll();
    }

    RedisQueueTarget target(String queue, Duration timeout) {
        return RedisQueueTarget.fromUri(URI.create(redis.uri() + "/" + queue), timeout, InstantSource.system());
    }

    LoadRun.Open open(int ratePerSecond, Duration duration, String job) {
        return new LoadRun.Open(Arrivals.uniform(new ConstantProfile(ratePerSecond, duration)), duration,
                BodyTemplate.parse(job, List.of(), true));
    }

    @Test
    void jobsFollowTheProtocolAndCompleteEndToEnd() throws Exception {
        try (QueueWorker worker = new QueueWorker(redis.host(), redis.port(), "q1", "w1", Duration.ofMillis(2), false);
             RedisQueueTarget target = target("q1", Duration.ofSeconds(5))) {
            RunSummary s = Runs.run(open(100, Duration.ofSeconds(3), "{\"kind\":\"matmul\",\"n\":64,\"iterations\":1,\"seq\":{seq}}"),
                    target, Integer.MAX_VALUE, Duration.ofSeconds(5), tmp.resolve("run")).summary();

            assertThat(s.requests().completed()).isEqualTo(300);
            assertThat(s.latencyMs().p50()).as("includes the worker's 2 ms").isGreaterThanOrEqualTo(2.0);
            try (Jedis jedis = redis.connect()) {
                assertThat(jedis.get("q1:stats:enqueued")).isEqualTo("300");
                assertThat(jedis.get("q1:stats:completed")).isEqualTo("300");
                assertThat(jedis.llen("q1")).isZero();
            }
            JsonNode first = new ObjectMapper().readTree(worker.jobs.getFirst());
            assertThat(first.get("id").asText()).startsWith("lg-").endsWith("-0");
            assertThat(first.get("kind").asText()).isEqualTo("matmul");
            assertThat(first.get("n").asInt()).isEqualTo(64);
            assertThat(first.get("seq").asInt()).as("jobs are taken in order (FIFO)").isZero();
            assertThat(first.get("enqueued_at_ms").asLong()).isPositive();
        }
    }

    @Test
    void aJobCompletedTwiceCountsOnce() throws Exception {
        try (QueueWorker worker = new QueueWorker(redis.host(), redis.port(), "q2", "w1", Duration.ZERO, true);
             RedisQueueTarget target = target("q2", Duration.ofSeconds(5))) {
            RunSummary s = Runs.run(open(50, Duration.ofSeconds(2), "{\"kind\":\"matmul\",\"n\":8}"), target, Integer.MAX_VALUE,
                    Duration.ofSeconds(5), tmp.resolve("run")).summary();
            assertThat(s.requests().completed()).isEqualTo(100);
            assertThat(s.requests().errors()).isZero();
        }
    }

    @Test
    void withoutWorkersJobsQueueUpAndTimeOut() throws Exception {
        try (RedisQueueTarget target = target("q3", Duration.ofMillis(500))) {
            RunSummary s = Runs.run(open(50, Duration.ofSeconds(2), "{\"kind\":\"matmul\",\"n\":8}"), target, Integer.MAX_VALUE,
                    Duration.ofMillis(500), tmp.resolve("run")).summary();

            assertThat(s.requests().sent()).isEqualTo(100);
            assertThat(s.requests().timeouts()).isEqualTo(100);
            assertThat(s.errorsByKind()).containsEntry("timeout", 100L);
            List<TimeseriesRow> rows = RunDirectory.open(tmp.resolve("run")).readTimeseries();
            assertThat(rows.get(1).backlog()).as("LLEN of the queue after two seconds").isBetween(95L, 100L);
            try (Jedis jedis = redis.connect()) {
                assertThat(jedis.llen("q3")).as("nothing is lost: the jobs stay queued").isEqualTo(100);
            }
        }
    }

    @Test
    void theQueueLengthIsAbsentWhileRedisIsDownAndBackOnceItReturns() throws Exception {
        try (LocalRedis own = LocalRedis.start();
             RedisQueueTarget target = RedisQueueTarget.fromUri(URI.create(own.uri() + "/q4"), Duration.ofSeconds(1),
                     InstantSource.system())) {
            target.probe();
            try (Jedis jedis = own.connect()) {
                jedis.lpush("q4", "{}", "{}");
            }
            assertThat(target.backlog()).hasValue(2);

            own.kill();
            assertThat(target.backlog()).as("no figure, and no exception to kill the reporter").isEmpty();
            assertThat(target.backlog()).isEmpty();

            own.restart();
            assertThat(target.backlog()).as("a fresh connection, the data gone with the killed server").hasValue(0);
        }
    }

    @Test
    void anInterruptedRunLeavesNoReporterPollingTheQueue() throws Exception {
        try (RedisQueueTarget target = target("q5", Duration.ofSeconds(5))) {
            java.util.concurrent.atomic.AtomicReference<Throwable> ended = new java.util.concurrent.atomic.AtomicReference<>();
            Thread run = Thread.ofPlatform().start(() -> {
                try {
                    Runs.run(open(20, Duration.ofSeconds(60), "{\"kind\":\"matmul\",\"n\":8}"), target, Integer.MAX_VALUE,
                            Duration.ofSeconds(5), tmp.resolve("run"));
                } catch (Throwable t) {
                    ended.set(t);
                }
            });
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> RunDirectory.open(tmp.resolve("run")).readTimeseries().size() >= 1);
            run.interrupt();
            run.join(Duration.ofSeconds(10));

            assertThat(run.isAlive()).isFalse();
            assertThat(ended.get()).isInstanceOf(InterruptedException.class);
            assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("loadgen-reporter"));
        }
    }

    @Test
    void unreachableRedisIsReportedBeforeTheRun() {
        RedisQueueTarget target = RedisQueueTarget.fromUri(URI.create("redis://127.0.0.1:1/q"), Duration.ofMillis(500),
                InstantSource.system());
        org.assertj.core.api.Assertions.assertThatThrownBy(target::probe)
                .isInstanceOf(TargetUnreachableException.class).hasMessageStartingWith("cannot reach Redis at 127.0.0.1:1");
        target.close();
    }
}
