package io.greenscale.daemon.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenscale.daemon.config.RedisConnection;
import io.greenscale.daemon.testing.RedisQueue;
import io.greenscale.localservers.FreePorts;
import io.greenscale.localservers.LocalRedis;
import io.greenscale.localservers.RequiresPrograms;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XReadGroupParams;

/** The queue probes against a real redis-server: the queue protocol, streams, and how each failure is typed. */
@RequiresPrograms({"redis-server"})
class RedisQueuesTest {
    static LocalRedis redis;
    RedisClients clients;

    @BeforeAll
    static void start() {
        redis = LocalRedis.start();
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    @BeforeEach
    void fresh() {
        redis.flushAll();
        clients = new RedisClients();
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    static RedisConnection to(int port, String password, Duration timeout) {
        return new RedisConnection("127.0.0.1", port, 0, null, password, false, null, timeout, 4);
    }

    RedisListQueue list(RedisConnection c) {
        return new RedisListQueue(clients.client(c), c, "jobs");
    }

    @Test
    void backlog_in_flight_per_worker_and_counters_follow_the_queue_protocol() throws Exception {
        RedisQueue q = new RedisQueue(redis, "jobs");
        q.push(5);
        q.take("worker-a", 2);
        q.take("worker-b", 1);
        q.complete("worker-a", 1);
        QueueSample s = list(to(redis.port(), null, Duration.ofSeconds(1))).read();
        assertThat(s.backlog()).isEqualTo(2);
        assertThat(s.inFlight()).isEqualTo(2);
        assertThat(s.inFlightByWorker()).containsOnly(Map.entry("worker-a", 1L), Map.entry("worker-b", 1L));
        assertThat(s.enqueuedTotal()).isEqualTo(5);
        assertThat(s.completedTotal()).isEqualTo(1);
    }

    @Test
    void an_empty_queue_with_no_counters_yet_reads_as_zero_with_unknown_counters() throws Exception {
        QueueSample s = list(to(redis.port(), null, Duration.ofSeconds(1))).read();
        assertThat(s.backlog()).isZero();
        assertThat(s.enqueuedTotal()).isNull();
    }

    @Test
    void a_queue_key_of_the_wrong_type_is_a_bad_response() {
        try (Jedis j = redis.connect()) {
            j.set("jobs", "not a list");
        }
        assertThatThrownBy(() -> list(to(redis.port(), null, Duration.ofSeconds(1))).read())
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SourceException.Kind.BAD_RESPONSE);
                    assertThat(e.getMessage()).contains("WRONGTYPE");
                });
    }

    @Test
    void a_counter_that_is_not_a_number_is_a_bad_response_naming_the_key() {
        try (Jedis j = redis.connect()) {
            j.set("jobs:stats:completed", "lots");
        }
        assertThatThrownBy(() -> list(to(redis.port(), null, Duration.ofSeconds(1))).read())
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.getMessage()).contains("jobs:stats:completed").contains("lots"));
    }

    @Test
    void a_password_protected_server_refuses_without_auth_and_answers_with_it() throws Exception {
        try (Jedis j = redis.connect()) {
            j.configSet("requirepass", "s3cret");
        }
        try {
            assertThatThrownBy(() -> list(to(redis.port(), null, Duration.ofSeconds(1))).read())
                    .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.AUTH));
            assertThatThrownBy(() -> list(to(redis.port(), "wrong", Duration.ofSeconds(1))).read())
                    .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.AUTH));
            assertThat(list(to(redis.port(), "s3cret", Duration.ofSeconds(1))).read().backlog()).isZero();
        } finally {
            try (Jedis j = redis.connect()) {
                j.auth("s3cret");
                j.configSet("requirepass", "");
            }
        }
    }

    @Test
    void nothing_listening_is_unavailable() {
        assertThatThrownBy(() -> list(to(FreePorts.next(), null, Duration.ofMillis(500))).read())
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.UNAVAILABLE));
    }

    @Test
    void a_frozen_server_is_a_timeout() throws Exception {
        RedisListQueue probe = list(to(redis.port(), null, Duration.ofMillis(300)));
        probe.read();
        Thread freeze = io.greenscale.daemon.testing.Frozen.redis(redis, Duration.ofMillis(1500));
        try {
            assertThatThrownBy(probe::read).isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.TIMEOUT));
        } finally {
            freeze.join();
        }
        assertThat(probe.read().backlog()).isZero();
    }

    @Test
    void a_stream_group_gives_lag_as_backlog_and_pending_as_in_flight() throws Exception {
        try (Jedis j = redis.connect()) {
            j.xgroupCreate("requests", "web", new StreamEntryID(), true);
            for (int i = 0; i < 5; i++) {
                j.xadd("requests", XAddParams.xAddParams(), Map.of("n", Integer.toString(i)));
            }
            var read = j.xreadGroupAsMap("web", "web-0", XReadGroupParams.xReadGroupParams().count(2),
                    Map.of("requests", StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
            StreamEntryID first = read.get("requests").getFirst().getID();
            j.xack("requests", "web", first);
        }
        RedisConnection c = to(redis.port(), null, Duration.ofSeconds(1));
        QueueSample s = new RedisStreamQueue(clients.client(c), c, "requests", "web").read();
        assertThat(s.backlog()).isEqualTo(3);
        assertThat(s.inFlight()).isEqualTo(1);
        assertThat(s.inFlightByWorker()).containsOnly(Map.entry("web-0", 1L));
        assertThat(s.enqueuedTotal()).isEqualTo(5);
        assertThat(s.completedTotal()).isEqualTo(1);
    }

    @Test
    void a_missing_stream_or_group_is_empty_with_the_reason() {
        RedisConnection c = to(redis.port(), null, Duration.ofSeconds(1));
        assertThatThrownBy(() -> new RedisStreamQueue(clients.client(c), c, "nothing", "web").read())
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SourceException.Kind.EMPTY);
                    assertThat(e.getMessage()).contains("nothing");
                });
    }
}
