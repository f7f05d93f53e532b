package io.greenscale.analysis.experiment;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Once a second, at the end of each second of the run: the queue (backlog, in-flight, counters) in
 * one MULTI/EXEC, as the scaler reads it, and each worker's CPU use over the second from its
 * cumulative CPU time (the workers are found in the target's event log). A second it could not
 * read is missing, never made up.
 */
final class Sampler implements AutoCloseable {
    private final Supplier<Jedis> redis;
    private final String queue;
    private final Path events;
    private final Instant start;
    private final Consumer<Sample> onSample;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    /** Each worker's previous reading of its cumulative CPU time. */
    private final Map<String, CpuReading> lastCpu = new HashMap<>();
    private Thread thread;

    Sampler(Supplier<Jedis> redis, String queue, Path events, Instant start, Consumer<Sample> onSample) {
        this.redis = redis;
        this.queue = queue;
        this.events = events;
        this.start = start;
        this.onSample = onSample;
    }

    Sampler startSampling() {
        thread = Thread.ofPlatform().daemon().name("experiment-sampler").start(this::loop);
        return this;
    }

    private void loop() {
        Jedis jedis = null;
        try {
            readCpu(); // the baseline for second 0
            for (long k = 1; !Thread.currentThread().isInterrupted(); k++) {
                Instant due = start.plusSeconds(k);
                long waitMillis = Duration.between(Instant.now(), due).toMillis();
                if (waitMillis > 0) {
                    Thread.sleep(waitMillis); // pacing the sampling clock, not test logic
                }
                try {
                    if (jedis == null) {
                        jedis = redis.get();
                    }
                    Sample s = sample(jedis, k - 1, Instant.now());
                    samples.add(s);
                    onSample.accept(s);
                } catch (JedisException e) {
                    if (jedis != null) {
                        jedis.close();
                    }
                    jedis = null;
                }
            }
        } catch (InterruptedException e) {
            // stopped
        } finally {
            if (jedis != null) {
                jedis.close();
            }
        }
    }

    private Sample sample(Jedis jedis, long second, Instant at) {
        List<String> workers = new ArrayList<>(jedis.smembers(queue + ":workers"));
        Response<Long> backlog;
        List<Response<Long>> processing = new ArrayList<>();
        Response<List<String>> counters;
        try (Transaction tx = jedis.multi()) {
            backlog = tx.llen(queue);
            for (String w : workers) {
                processing.add(tx.llen(queue + ":processing:" + w));
            }
            counters = tx.mget(queue + ":stats:enqueued", queue + ":stats:completed", queue + ":stats:reclaimed");
            tx.exec();
        }
        long inFlight = processing.stream().mapToLong(Response::get).sum();
        List<String> c = counters.get();
        return new Sample(second, at, backlog.get(), inFlight, count(c.get(0)), count(c.get(1)), count(c.get(2)), readCpu());
    }

    /** Each known worker's CPU since the previous reading, in cores (seconds of CPU per second). */
    private Map<String, Double> readCpu() {
        Map<String, Double> out = new HashMap<>();
        Instant now = Instant.now();
        ReplicaTimeline timeline = new ReplicaTimeline(WorkerEvent.read(events));
        timeline.pids().forEach((worker, pid) -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(h -> {
            Duration cpu = h.info().totalCpuDuration().orElse(null);
            if (cpu == null) {
                return;
            }
            CpuReading before = lastCpu.put(worker, new CpuReading(cpu, now));
            long elapsed = before == null ? 0 : Duration.between(before.at(), now).toNanos();
            if (elapsed > 0) {
                out.put(worker, Math.max(0, cpu.minus(before.cpu()).toNanos()) / (double) elapsed);
            }
        }));
        return out;
    }

    private record CpuReading(Duration cpu, Instant at) {}

    private static long count(String v) {
        return v == null ? 0 : Long.parseLong(v.trim());
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
