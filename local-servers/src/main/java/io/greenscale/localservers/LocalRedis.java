package io.greenscale.localservers;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A real {@code redis-server} from this machine, on loopback, with no persistence and its data in
 * a temporary directory. {@code DEBUG SLEEP} is enabled for loopback clients so fault tests can
 * make the server slow.
 */
public final class LocalRedis implements AutoCloseable {
    private final Path executable;
    private final int port;
    private ServerProcess process;

    private LocalRedis(Path executable, int port) {
        this.executable = executable;
        this.port = port;
    }

    /** Starts a server on a free port; throws {@link MissingProgramException} when redis-server is not installed. */
    public static LocalRedis start() {
        return start(FreePorts.next());
    }

    public static LocalRedis start(int port) {
        LocalRedis redis = new LocalRedis(Programs.require("redis-server"), port);
        redis.launch();
        return redis;
    }

    private void launch() {
        process = new ServerProcess("redis-" + port, ServerProcess.tempDir("greenscale-redis-"));
        List<String> command = new ArrayList<>(List.of(
                executable.toString(),
                "--bind", "127.0.0.1",
                "--port", Integer.toString(port),
                "--save", "",
                "--appendonly", "no",
                "--dir", process.workDir().toString(),
                "--daemonize", "no",
                "--enable-debug-command", "local"));
        process.start(command, this::answersPing, Duration.ofSeconds(15));
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:PORT} */
    public String uri() {
        return "redis://" + host() + ":" + port;
    }

    public boolean isRunning() {
        return process != null && process.isAlive() && answersPing();
    }

    /** A new connection; the caller closes it. */
    public Jedis connect() {
        return jedis(2_000);
    }

    /** Deletes every key, between tests that share one server. */
    public void flushAll() {
        try (Jedis jedis = connect()) {
            jedis.flushAll();
        }
    }

    /** Stops the server abruptly (SIGKILL), as a crash would. {@link #restart()} brings it back on the same port. */
    public void kill() {
        process.kill();
        ServerProcess.deleteRecursively(process.workDir());
    }

    /** Starts a fresh, empty server on the same port after {@link #kill()} or {@link #stop()}. */
    public void restart() {
        if (process != null && process.isAlive()) {
            process.close();
        }
        launch();
    }

    /** SIGTERM, then waits for the server to exit. */
    public void stop() {
        process.close();
    }

    /** Blocks the server for {@code duration} (Redis {@code DEBUG SLEEP}), from a background thread. */
    public Thread freezeFor(Duration duration) {
        return Thread.ofPlatform().daemon().name("redis-freeze").start(() -> {
            try (Jedis jedis = jedis((int) duration.toMillis() + 5_000)) {
                ProtocolCommand debug = () -> "DEBUG".getBytes(StandardCharsets.US_ASCII);
                jedis.sendCommand(debug, "SLEEP", Double.toString(duration.toMillis() / 1000.0));
            }
        });
    }

    private boolean answersPing() {
        try (Jedis jedis = jedis(500)) {
            return "PONG".equals(jedis.ping());
        } catch (JedisException e) {
            return false;
        }
    }

    /** RESP2, said explicitly: a plain Jedis connection otherwise warns on every connect that it cannot negotiate RESP3. */
    private Jedis jedis(int timeoutMillis) {
        return new Jedis(new HostAndPort(host(), port), DefaultJedisClientConfig.builder().timeoutMillis(timeoutMillis).serverDefaultProtocol().build());
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
