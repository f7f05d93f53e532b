package io.greenscale.daemon.testing;

import io.greenscale.localservers.LocalRedis;
import java.time.Duration;
import org.awaitility.Awaitility;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/** Freezes a real Redis (DEBUG SLEEP) and returns once it has stopped answering. */
public final class Frozen {
    private Frozen() {}

    public static Thread redis(LocalRedis redis, Duration duration) {
        Thread freeze = redis.freezeFor(duration);
        Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).until(() -> !answers(redis));
        return freeze;
    }

    private static boolean answers(LocalRedis redis) {
        try (Jedis j = new Jedis(redis.host(), redis.port(), 50)) {
            return "PONG".equals(j.ping());
        } catch (JedisException e) {
            return false;
        }
    }
}
