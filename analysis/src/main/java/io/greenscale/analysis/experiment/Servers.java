package io.greenscale.analysis.experiment;

import io.greenscale.localservers.LocalPrometheus;
import io.greenscale.localservers.LocalRedis;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Redis and Prometheus for one experiment: the ones the user named, or real servers started from
 * this machine on loopback with temporary data (stopped by {@link #close}, and by a JVM shutdown
 * hook should the experiment be interrupted). A started Prometheus discovers the workers from the
 * scaler's file_sd file; a named one must be told to read it.
 */
final class Servers implements AutoCloseable {
    /**
     * @param queue  the experiment's queue: {@code jobs} on a Redis of its own, a name of its own on a shared one
     * @param fileSd where the scaler lists the live workers for Prometheus
     */
    record Endpoints(URI redis, URI prometheus, String queue, Path fileSd, boolean ownRedis, boolean ownPrometheus, String redisVersion) {}

    private final LocalRedis redis;
    private final LocalPrometheus prometheus;
    private final Endpoints endpoints;

    private Servers(LocalRedis redis, LocalPrometheus prometheus, Endpoints endpoints) {
        this.redis = redis;
        this.prometheus = prometheus;
        this.endpoints = endpoints;
    }

    /**
     * @param runFiles where a named Prometheus's file_sd file goes (the run directory)
     * @throws io.greenscale.localservers.MissingProgramException with the install command when a server must be started and is not installed
     */
    static Servers start(ExperimentPlan plan, Path runFiles, Instant now) {
        LocalRedis ownRedis = null;
        LocalPrometheus ownProm = null;
        try {
            URI redisUri = plan.redis();
            if (redisUri == null) {
                ownRedis = LocalRedis.start();
                redisUri = URI.create(ownRedis.uri() + "/0");
            }
            String version = ping(redisUri);
            URI promUri = plan.prometheus();
            Path fileSd = runFiles.resolve("prometheus-targets.json");
            if (promUri == null) {
                ownProm = LocalPrometheus.builder().jobName(ScalerConfig.APP).scrapeInterval(plan.metrics().scrapeInterval())
                        .fileServiceDiscovery().start();
                promUri = ownProm.baseUri();
                fileSd = ownProm.fileSdDir().resolve("workers.json");
            }
            String queue = ownRedis != null ? "jobs" : "greenscale-experiment-" + Long.toString(now.toEpochMilli(), 36);
            return new Servers(ownRedis, ownProm, new Endpoints(redisUri, promUri, queue, fileSd, ownRedis != null, ownProm != null, version));
        } catch (RuntimeException e) {
            if (ownProm != null) {
                ownProm.close();
            }
            if (ownRedis != null) {
                ownRedis.close();
            }
            throw e;
        }
    }

    Endpoints endpoints() {
        return endpoints;
    }

    /** PING, and the server's version from INFO; a clear error when it does not answer. */
    private static String ping(URI redis) {
        try (Jedis jedis = jedis(redis, 2_000)) {
            jedis.ping();
            return jedis.info("server").lines().filter(l -> l.startsWith("redis_version:")).map(l -> l.substring(14).trim())
                    .findFirst().orElse("unknown");
        } catch (JedisException e) {
            throw new IllegalStateException("Redis at " + redis + " does not answer: " + e.getMessage(), e);
        }
    }

    /** A connection to the experiment's Redis; the caller closes it. */
    Jedis connect() {
        return jedis(endpoints.redis(), 5_000);
    }

    /** RESP2, said explicitly: a plain Jedis connection otherwise warns on every connect that it cannot negotiate RESP3. */
    private static Jedis jedis(URI r, int timeoutMillis) {
        return new Jedis(new HostAndPort(r.getHost(), r.getPort() < 0 ? 6379 : r.getPort()),
                DefaultJedisClientConfig.builder().timeoutMillis(timeoutMillis).serverDefaultProtocol().build());
    }

    @Override
    public void close() {
        if (prometheus != null) {
            prometheus.close();
        }
        if (redis != null) {
            redis.close();
        }
    }
}
