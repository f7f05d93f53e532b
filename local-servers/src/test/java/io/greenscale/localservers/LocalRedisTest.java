package io.greenscale.localservers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

@RequiresPrograms("redis-server")
class LocalRedisTest {

    @Test
    void serves_commands_on_loopback_and_keeps_nothing_after_a_crash_and_restart() {
        try (LocalRedis redis = LocalRedis.start()) {
            try (Jedis jedis = redis.connect()) {
                jedis.lpush("jobs", "a", "b", "c");
                assertThat(jedis.llen("jobs")).isEqualTo(3);
            }

            redis.kill();
            assertThatThrownBy(() -> {
                try (Jedis jedis = redis.connect()) {
                    jedis.ping();
                }
            }).isInstanceOf(JedisConnectionException.class);

            redis.restart();
            try (Jedis jedis = redis.connect()) {
                assertThat(jedis.llen("jobs")).as("no persistence between starts").isZero();
            }
        }
    }

    @Test
    void close_stops_the_server() {
        LocalRedis redis = LocalRedis.start();
        redis.close();
        assertThat(redis.isRunning()).isFalse();
    }
}
