package io.greenscale.daemon.testing;

import io.greenscale.localservers.LocalRedis;
import java.util.UUID;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.args.ListDirection;

/** The queue protocol's producer and worker sides, as the inference app and the load generator speak it. */
public final class RedisQueue {
    private final LocalRedis redis;
    private final String queue;

    public RedisQueue(LocalRedis redis, String queue) {
        this.redis = redis;
        this.queue = queue;
    }

    /** LPUSH n jobs with the enqueued counter in the same MULTI/EXEC. */
    public void push(int n) {
        try (Jedis j = redis.connect()) {
            Transaction tx = j.multi();
            for (int i = 0; i < n; i++) {
                tx.lpush(queue, "{\"id\":\"" + UUID.randomUUID() + "\",\"kind\":\"matmul\",\"n\":64}");
                tx.incr(queue + ":stats:enqueued");
            }
            tx.exec();
        }
    }

    /** A worker registers and takes n jobs onto its processing list (BLMOVE RIGHT → LEFT without blocking). */
    public void take(String worker, int n) {
        try (Jedis j = redis.connect()) {
            j.sadd(queue + ":workers", worker);
            for (int i = 0; i < n; i++) {
                j.lmove(queue, queue + ":processing:" + worker, ListDirection.RIGHT, ListDirection.LEFT);
            }
        }
    }

    /** A worker completes n of its jobs: LREM from its processing list and INCR completed. */
    public void complete(String worker, int n) {
        try (Jedis j = redis.connect()) {
            for (int i = 0; i < n; i++) {
                String job = j.lindex(queue + ":processing:" + worker, -1);
                if (job == null) {
                    return;
                }
                Transaction tx = j.multi();
                tx.lrem(queue + ":processing:" + worker, 1, job);
                tx.incr(queue + ":stats:completed");
                tx.exec();
            }
        }
    }

    public long backlog() {
        try (Jedis j = redis.connect()) {
            return j.llen(queue);
        }
    }

    /** Empties the queue and its processing lists. */
    public void drain() {
        try (Jedis j = redis.connect()) {
            j.del(queue);
            for (String w : j.smembers(queue + ":workers")) {
                j.del(queue + ":processing:" + w);
            }
        }
    }
}
