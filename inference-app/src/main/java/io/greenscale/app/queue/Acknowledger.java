package io.greenscale.app.queue;

import io.greenscale.app.metrics.AppMetrics;
import java.time.Duration;
import java.time.InstantSource;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * Ends a job's stay in the processing list, each ending one MULTI/EXEC: completed (result with TTL,
 * count, removal, done notice) or dead-lettered (entry with the reason, counts, removal). Redis
 * errors are retried with back-off until the worker stops; a job whose ending was abandoned stays
 * in the processing list and is reclaimed, never lost.
 */
final class Acknowledger {
    private static final Logger log = LoggerFactory.getLogger(Acknowledger.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final UnifiedJedis redis;
    private final QueueKeys keys;
    private final String worker;
    private final Duration resultTtl;
    private final ResultWriter results;
    private final AppMetrics metrics;
    private final InstantSource clock;
    private final BooleanSupplier stopping;

    Acknowledger(UnifiedJedis redis, QueueKeys keys, String worker, Duration resultTtl, ResultWriter results, AppMetrics metrics,
                 InstantSource clock, BooleanSupplier stopping) {
        this.redis = redis;
        this.keys = keys;
        this.worker = worker;
        this.resultTtl = resultTtl;
        this.results = results;
        this.metrics = metrics;
        this.clock = clock;
        this.stopping = stopping;
    }

    /** @return false when the worker stopped before Redis accepted the acknowledgement */
    boolean complete(Job job, String result) {
        return retrying("acknowledging job " + job.id(), () -> {
            try (AbstractTransaction t = redis.multi()) {
                t.set(QueueKeys.result(job.id()), result, SetParams.setParams().px(resultTtl.toMillis()));
                t.incr(keys.completed());
                t.lrem(keys.processing(worker), 1, job.raw());
                t.publish(keys.done(), job.id());
                t.exec();
            }
        });
    }

    /** {@code outcome} is DEAD_LETTERED (malformed) or FAILED (the computation failed). */
    void deadLetter(String raw, String reason, AppMetrics.Outcome outcome) {
        String entry = results.deadLetter(raw, reason, clock.millis());
        boolean done = retrying("dead-lettering a job", () -> {
            try (AbstractTransaction t = redis.multi()) {
                t.lpush(keys.dead(), entry);
                t.incr(keys.deadCount());
                if (outcome == AppMetrics.Outcome.FAILED) {
                    t.incr(keys.failed());
                }
                t.lrem(keys.processing(worker), 1, raw);
                t.exec();
            }
        });
        if (done) {
            log.warn("job dead-lettered to {}: {}", keys.dead(), reason);
            metrics.jobs(outcome, 1);
        }
    }

    private boolean retrying(String what, Runnable action) {
        Duration backoff = Duration.ofMillis(100);
        while (true) {
            try {
                action.run();
                return true;
            } catch (JedisException e) {
                if (stopping.getAsBoolean()) {
                    log.warn("{} abandoned at shutdown: {}", what, e.getMessage());
                    return false;
                }
                log.warn("{} failed, retrying in {} ms: {}", what, backoff.toMillis(), e.getMessage());
                try {
                    Thread.sleep(backoff); // back-off against Redis, not logic timing
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }
}
