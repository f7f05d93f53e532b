package io.greenscale.app.queue;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.args.ListDirection;
import redis.clients.jedis.params.SetParams;

/**
 * Heartbeats and the reclaiming of dead workers' jobs. A worker is registered in {@code {q}:workers}
 * and refreshes {@code {q}:worker:{id}} with a TTL of 3 periods; a registered worker whose key has
 * expired is dead, and any live worker moves its processing list back to the head of the queue.
 */
final class Liveness {

    /** Jobs moved back from one dead (or earlier) worker's processing list. */
    record Reclaimed(String worker, int jobs) {
    }

    private final UnifiedJedis redis;
    private final QueueKeys keys;
    private final String self;
    private final Duration period;
    private final InstantSource clock;

    Liveness(UnifiedJedis redis, QueueKeys keys, String self, Duration period, InstantSource clock) {
        this.redis = redis;
        this.keys = keys;
        this.self = self;
        this.period = period;
        this.clock = clock;
    }

    /** Registration and heartbeat in one transaction: a registered worker always has a heartbeat key at first. */
    void beat() {
        try (AbstractTransaction t = redis.multi()) {
            t.sadd(keys.workers(), self);
            t.set(keys.heartbeat(self), Long.toString(clock.millis()), SetParams.setParams().px(3 * period.toMillis()));
            t.exec();
        }
    }

    /** Reclaims the processing lists of every registered worker without a heartbeat, then unregisters them. */
    List<Reclaimed> reclaimDead() {
        List<Reclaimed> out = new ArrayList<>();
        for (String worker : redis.smembers(keys.workers())) {
            if (worker.equals(self) || redis.exists(keys.heartbeat(worker))) {
                continue;
            }
            int jobs = moveBack(worker);
            redis.srem(keys.workers(), worker);
            out.add(new Reclaimed(worker, jobs));
        }
        return out;
    }

    /**
     * Moves {@code worker}'s processing list to the head of the queue, one atomic LMOVE per job, so each
     * job is either still there or back in the queue, never lost nor doubled, even if two workers
     * reclaim at once. Newest first (LEFT) to the head (RIGHT): the oldest ends up taken first.
     */
    int moveBack(String worker) {
        int jobs = 0;
        while (redis.lmove(keys.processing(worker), keys.pending(), ListDirection.LEFT, ListDirection.RIGHT) != null) {
            jobs++;
        }
        if (jobs > 0) {
            redis.incrBy(keys.reclaimed(), jobs);
        }
        return jobs;
    }

    /** Leaves cleanly: unregisters and drops the heartbeat, so nobody waits for it to expire. */
    void leave() {
        try (AbstractTransaction t = redis.multi()) {
            t.srem(keys.workers(), self);
            t.del(keys.heartbeat(self));
            t.exec();
        }
    }
}
