package io.greenscale.daemon.signal;

import io.greenscale.daemon.config.RedisConnection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A list queue of the queue protocol: backlog {@code LLEN q}; in-flight is the sum of
 * {@code LLEN q:processing:<worker>} over {@code SMEMBERS q:workers}; counters
 * {@code q:stats:enqueued} and {@code q:stats:completed}.
 *
 * <p>Two round trips: the worker set, then every length and counter in one MULTI/EXEC, so that
 * a job moving from the queue to a processing list is counted exactly once.
 */
public final class RedisListQueue implements QueueProbe {
    private final UnifiedJedis redis;
    private final RedisConnection server;
    private final String queue;

    public RedisListQueue(UnifiedJedis redis, RedisConnection server, String queue) {
        this.redis = redis;
        this.server = server;
        this.queue = queue;
    }

    @Override
    public QueueSample read() throws SourceException {
        try {
            List<String> workers = new ArrayList<>(new TreeSet<>(redis.smembers(queue + ":workers")));
            Response<Long> backlog;
            List<Response<Long>> processing = new ArrayList<>();
            Response<List<String>> counters;
            try (AbstractTransaction tx = redis.multi()) {
                backlog = tx.llen(queue);
                for (String worker : workers) {
                    processing.add(tx.llen(queue + ":processing:" + worker));
                }
                counters = tx.mget(queue + ":stats:enqueued", queue + ":stats:completed");
                tx.exec();
            }
            Map<String, Long> byWorker = new LinkedHashMap<>();
            long inFlight = 0;
            for (int i = 0; i < workers.size(); i++) {
                long n = processing.get(i).get();
                byWorker.put(workers.get(i), n);
                inFlight += n;
            }
            List<String> stats = counters.get();
            return new QueueSample(backlog.get(), inFlight, byWorker, counter(stats.get(0), "enqueued"), counter(stats.get(1), "completed"));
        } catch (JedisException e) {
            throw RedisFailures.of(e, "reading queue " + queue, server);
        }
    }

    private Long counter(String value, String name) throws SourceException {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new SourceException(SourceException.Source.REDIS, SourceException.Kind.BAD_RESPONSE,
                    queue + ":stats:" + name + " on " + server + " holds \"" + value + "\", not a whole number");
        }
    }
}
