package io.greenscale.app.queue;

import java.util.List;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.UnifiedJedis;

/** Enqueues jobs as the protocol asks: LPUSH and the {@code enqueued} count in one MULTI/EXEC. */
public final class Producer {
    private final UnifiedJedis redis;
    private final QueueKeys keys;

    public Producer(UnifiedJedis redis, QueueKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    public void enqueue(String job) {
        enqueueAll(List.of(job));
    }

    /** Many jobs in one transaction (one round trip), in list order: the first is taken first. */
    public void enqueueAll(List<String> jobs) {
        if (jobs.isEmpty()) {
            return;
        }
        try (AbstractTransaction t = redis.multi()) {
            t.lpush(keys.pending(), jobs.toArray(String[]::new));
            t.incrBy(keys.enqueued(), jobs.size());
            t.exec();
        }
    }
}
