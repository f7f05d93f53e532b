package io.greenscale.daemon.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one Redis server. Targets with equal connections share one client pool.
 *
 * @param password null when the server needs none
 * @param caFile   PEM file of the CA that signed the server's certificate; null means the JDK's trust store
 * @param timeout  connect and read timeout of each command; a slower reply is a timeout failure
 */
public record RedisConnection(String host, int port, int database, String username, String password,
                              boolean tls, Path caFile, Duration timeout, int poolSize) {

    public RedisConnection {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return (tls ? "rediss://" : "redis://") + (username == null ? "" : username + "@") + host + ":" + port + "/" + database;
    }
}
