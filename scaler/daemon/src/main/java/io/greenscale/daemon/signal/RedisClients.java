package io.greenscale.daemon.signal;

import io.greenscale.daemon.config.RedisConnection;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.SslVerifyMode;
import redis.clients.jedis.UnifiedJedis;

/**
 * One pooled Jedis client per distinct Redis connection. Clients connect lazily, so a Redis that
 * is down at start-up is a failing source, not a failing daemon.
 */
public final class RedisClients implements AutoCloseable {
    private final Map<RedisConnection, RedisClient> clients = new ConcurrentHashMap<>();

    public UnifiedJedis client(RedisConnection connection) {
        return clients.computeIfAbsent(connection, RedisClients::open);
    }

    private static RedisClient open(RedisConnection c) {
        int timeoutMillis = (int) c.timeout().toMillis();
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeoutMillis)
                .socketTimeoutMillis(timeoutMillis)
                .database(c.database())
                .clientName("greenscale-scaler");
        if (c.username() != null) {
            config.user(c.username());
        }
        if (c.password() != null) {
            config.password(c.password());
        }
        if (c.tls()) {
            config.sslOptions(sslOptions(c));
        }
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(c.poolSize());
        pool.setMaxIdle(c.poolSize());
        pool.setMinIdle(0);
        // Waiting for a pooled connection counts against the same budget as the command itself.
        pool.setMaxWait(c.timeout());
        // A PING before each use finds connections that died with a Redis restart, failover or
        // password change, so the first read after the server is back succeeds (one tick to recover).
        pool.setTestOnBorrow(true);
        pool.setTestWhileIdle(false);
        return RedisClient.builder().hostAndPort(c.host(), c.port()).clientConfig(config.build()).poolConfig(pool).build();
    }

    /** The server's certificate must chain to the CA file (or the JDK's trust store) and name the host. */
    private static SslOptions sslOptions(RedisConnection c) {
        if (c.caFile() == null) {
            return SslOptions.builder().sslVerifyMode(SslVerifyMode.FULL).build();
        }
        char[] password = "greenscale".toCharArray();
        byte[] store = Tls.pkcs12(c.caFile(), password);
        return SslOptions.builder()
                .truststore(() -> new ByteArrayInputStream(store), password)
                .trustStoreType("PKCS12")
                .sslVerifyMode(SslVerifyMode.FULL)
                .build();
    }

    @Override
    public void close() {
        clients.values().forEach(RedisClient::close);
        clients.clear();
    }
}
