package io.greenscale.daemon.config;

import java.util.Objects;

/** The Redis work queue a target's workers drain (see docs/queue-protocol.md). */
public sealed interface QueueSpec {

    RedisConnection redis();

    /**
     * A list queue: backlog {@code LLEN name}, in-flight from {@code name:processing:<worker>}
     * over {@code SMEMBERS name:workers}, rates from {@code name:stats:enqueued|completed}.
     */
    record RedisList(RedisConnection redis, String name) implements QueueSpec {
        public RedisList {
            Objects.requireNonNull(redis, "redis");
            Objects.requireNonNull(name, "name");
        }
    }

    /** A Redis stream read by a consumer group: backlog = the group's lag, in-flight = its pending entries. */
    record RedisStream(RedisConnection redis, String stream, String group) implements QueueSpec {
        public RedisStream {
            Objects.requireNonNull(redis, "redis");
            Objects.requireNonNull(stream, "stream");
            Objects.requireNonNull(group, "group");
        }
    }
}
