package io.greenscale.loadgen.drive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.args.ListDirection;
import redis.clients.jedis.exceptions.JedisException;

/** A tiny worker that follows the queue protocol, standing in for the inference app in tests. */
final class QueueWorker implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String host;
    private final int port;
    private final String queue;
    private final String id;
    private final Duration work;
    private final boolean publishTwice;
    final List<String> jobs = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;
    private final Thread thread;

    /** @param publishTwice announce each completion twice, as a reclaimed job may be */
    QueueWorker(String host, int port, String queue, String id, Duration work, boolean publishTwice) {
        this.host = host;
        this.port = port;
        this.queue = queue;
        this.id = id;
        this.work = work;
        this.publishTwice = publishTwice;
        this.thread = Thread.ofPlatform().daemon().name("test-worker-" + id).start(this::loop);
    }

    private void loop() {
        String processing = queue + ":processing:" + id;
        try (Jedis jedis = new Jedis(host, port, 5_000)) {
            jedis.sadd(queue + ":workers", id);
            while (!stopped) {
                String job = jedis.blmove(queue, processing, ListDirection.RIGHT, ListDirection.LEFT, 0.2);
                if (job == null) {
                    continue;
                }
                jobs.add(job);
                ObjectNode parsed = (ObjectNode) JSON.readTree(job);
                String jobId = parsed.get("id").asText();
                if (!work.isZero()) {
                    LockSupport.parkNanos(work.toNanos());
                }
                ObjectNode result = JSON.createObjectNode().put("id", jobId).put("worker", id).put("engine", "test")
                        .put("enqueued_at_ms", parsed.get("enqueued_at_ms").asLong())
                        .put("completed_at_ms", System.currentTimeMillis());
                Transaction tx = jedis.multi();
                tx.setex("result:" + jobId, 60, JSON.writeValueAsString(result));
                tx.incr(queue + ":stats:completed");
                tx.lrem(processing, 1, job);
                tx.publish(queue + ":done", jobId);
                if (publishTwice) {
                    tx.publish(queue + ":done", jobId);
                }
                tx.exec();
            }
        } catch (JedisException | java.io.IOException e) {
            if (!stopped) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        stopped = true;
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
