package io.greenscale.loadgen.drive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The producer side of the queue protocol (docs/queue-protocol.md): each request becomes a job
 * {@code {"id", "enqueued_at_ms", ...template fields}} pushed with LPUSH onto {@code {q}}, with
 * {@code {q}:stats:enqueued} incremented in the same MULTI/EXEC. A job completes when a worker
 * publishes its id on {@code {q}:done} (after writing {@code result:{id}}); completions are
 * deduplicated by id, since a reclaimed job may complete twice. A job with no completion within
 * the timeout counts as a timeout.
 *
 * <p>Jobs due at the same moment go out in one MULTI/EXEC (one LPUSH of several jobs plus one
 * INCRBY), so the producer keeps up with high rates on one connection.
 */
public final class RedisQueueTarget implements Target {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BATCH = 512;

    private final String host;
    private final int port;
    private final String queue;
    private final Duration timeout;
    private final InstantSource wall;
    private final LongSupplier nanoTime = System::nanoTime;
    private final String runToken;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final BlockingQueue<Outgoing> outbox = new LinkedBlockingQueue<>();
    private final CountDownLatch subscribed = new CountDownLatch(1);
    private final JedisPubSub listener = new Listener();
    private volatile boolean closing;
    private Jedis monitor;
    private volatile boolean probed;
    private Thread sender;
    private Thread subscriber;
    private Thread sweeper;

    private record Pending(CompletableFuture<Outcome> future, long sentNanos) {}

    private record Outgoing(String id, String job) {}

    public RedisQueueTarget(String host, int port, String queue, Duration timeout, InstantSource wall) {
        this.host = host;
        this.port = port;
        this.queue = queue;
        this.timeout = timeout;
        this.wall = wall;
        this.runToken = Long.toString(wall.millis(), 36) + "-" + Long.toString(System.nanoTime() & 0xffff, 36);
    }

    /** {@code redis://host:port/queue} (port 6379 and queue {@code jobs} by default). */
    public static RedisQueueTarget fromUri(URI uri, Duration timeout, InstantSource wall) {
        if (!"redis".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("a Redis target looks like redis://host:port/queue-name, was " + uri);
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return new RedisQueueTarget(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort(), path.isEmpty() ? "jobs" : path,
                timeout, wall);
    }

    /** Pings the server, then subscribes to completions before any job is pushed. */
    @Override
    public void probe() throws TargetUnreachableException {
        try {
            monitor = connect();
            monitor.ping();
            probed = true;
        } catch (JedisException e) {
            throw new TargetUnreachableException("cannot reach Redis at " + host + ":" + port + " (" + e.getMessage() + ")", e);
        }
        subscriber = Thread.ofPlatform().daemon().name("loadgen-redis-done").start(this::subscribeLoop);
        try {
            if (!subscribed.await(timeout.toMillis() + 2000, TimeUnit.MILLISECONDS)) {
                throw new TargetUnreachableException("Redis at " + host + ":" + port + " did not confirm the subscription to "
                        + queue + ":done", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetUnreachableException("interrupted while subscribing", e);
        }
        sender = Thread.ofPlatform().daemon().name("loadgen-redis-push").start(this::sendLoop);
        sweeper = Thread.ofPlatform().daemon().name("loadgen-redis-timeouts").start(this::sweepLoop);
    }

    private Jedis connect() {
        // RESP2, said explicitly: plain Jedis connections otherwise warn on every connect that they cannot negotiate RESP3.
        return new Jedis(new HostAndPort(host, port), DefaultJedisClientConfig.builder()
                .timeoutMillis((int) Math.max(2000, timeout.toMillis())).serverDefaultProtocol().build());
    }

    @Override
    public CompletableFuture<Outcome> send(Request request) {
        String id = "lg-" + runToken + "-" + request.seq();
        String job;
        try {
            job = job(request.payload(), id, wall.millis());
        } catch (IOException | IllegalArgumentException e) {
            return CompletableFuture.completedFuture(Outcome.failed("rejected"));
        }
        CompletableFuture<Outcome> future = new CompletableFuture<>();
        // Registered before the push, so that a worker faster than this thread still finds it.
        pending.put(id, new Pending(future, nanoTime.getAsLong()));
        outbox.add(new Outgoing(id, job));
        return future;
    }

    /** The job's JSON: the template's fields, then {@code id} and {@code enqueued_at_ms} (which win). */
    static String job(String template, String id, long enqueuedAtMillis) throws IOException {
        JsonNode node = JSON.readTree(template == null ? "{}" : template);
        if (!(node instanceof ObjectNode job)) {
            throw new IllegalArgumentException("a job must be a JSON object");
        }
        job.put("id", id);
        job.put("enqueued_at_ms", enqueuedAtMillis);
        return JSON.writeValueAsString(job);
    }

    private void sendLoop() {
        Jedis jedis = null;
        List<Outgoing> batch = new ArrayList<>(MAX_BATCH);
        while (!closing) {
            try {
                Outgoing first = outbox.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                outbox.drainTo(batch, MAX_BATCH - 1);
                if (jedis == null) {
                    jedis = connect();
                }
                String[] jobs = batch.stream().map(Outgoing::job).toArray(String[]::new);
                Transaction tx = jedis.multi();
                tx.lpush(queue, jobs);
                tx.incrBy(queue + ":stats:enqueued", jobs.length);
                tx.exec();
            } catch (InterruptedException e) {
                return;
            } catch (JedisException e) {
                for (Outgoing o : batch) {
                    fail(o.id(), "redis_" + e.getClass().getSimpleName());
                }
                if (jedis != null) {
                    jedis.close();
                }
                jedis = null;
            }
            batch.clear();
        }
        if (jedis != null) {
            jedis.close();
        }
    }

    private void subscribeLoop() {
        while (!closing) {
            try (Jedis jedis = connect()) {
                jedis.subscribe(listener, queue + ":done");
            } catch (JedisException e) {
                if (closing) {
                    return;
                }
                // Notifications sent while disconnected are lost: look the results up instead.
                LockSupport.parkNanos(200_000_000L);
                recoverMissedCompletions();
            }
        }
    }

    private final class Listener extends JedisPubSub {
        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            subscribed.countDown();
        }

        @Override
        public void onMessage(String channel, String id) {
            complete(id);
        }
    }

    private void complete(String id) {
        Pending p = pending.remove(id);
        if (p != null) {
            p.future().complete(Outcome.ok(0));
        }
    }

    private void fail(String id, String kind) {
        Pending p = pending.remove(id);
        if (p != null) {
            p.future().complete(Outcome.failed(kind));
        }
    }

    private synchronized void recoverMissedCompletions() {
        List<String> ids = new ArrayList<>(pending.keySet());
        try (Jedis jedis = connect()) {
            for (int i = 0; i < ids.size(); i += 500) {
                List<String> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
                List<String> results = jedis.mget(chunk.stream().map(id -> "result:" + id).toArray(String[]::new));
                for (int k = 0; k < chunk.size(); k++) {
                    if (results.get(k) != null) {
                        complete(chunk.get(k));
                    }
                }
            }
        } catch (JedisException e) {
            // Still unreachable; the sweeper times the jobs out.
        }
    }

    private void sweepLoop() {
        long timeoutNanos = timeout.toNanos();
        while (!closing) {
            LockSupport.parkNanos(100_000_000L);
            long now = nanoTime.getAsLong();
            pending.forEach((id, p) -> {
                if (now - p.sentNanos() > timeoutNanos) {
                    fail(id, Outcome.TIMEOUT);
                }
            });
        }
    }

    /**
     * LLEN of the queue: jobs no worker has taken yet. Empty when the server cannot be reached this
     * time (a fresh connection is tried on the next call), never an exception.
     */
    @Override
    public synchronized OptionalLong backlog() {
        if (!probed || closing) {
            return OptionalLong.empty();
        }
        try {
            if (monitor == null) {
                monitor = connect();
            }
            return OptionalLong.of(monitor.llen(queue));
        } catch (JedisException e) {
            if (monitor != null) {
                monitor.close();
            }
            monitor = null;
            return OptionalLong.empty();
        }
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "redis-queue");
        m.put("url", "redis://" + host + ":" + port + "/" + queue);
        m.put("queue", queue);
        m.put("timeout_s", timeout.toNanos() / 1e9);
        m.put("job_id_prefix", "lg-" + runToken + "-");
        return m;
    }

    @Override
    public void close() {
        closing = true;
        if (listener.isSubscribed()) {
            listener.unsubscribe();
        }
        for (Thread t : new Thread[] {sender, sweeper, subscriber}) {
            if (t != null) {
                t.interrupt();
            }
        }
        synchronized (this) {
            if (monitor != null) {
                monitor.close();
            }
        }
    }
}
