package io.greenscale.daemon.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenscale.daemon.config.RedisConnection;
import io.greenscale.localservers.FreePorts;
import io.greenscale.localservers.RequiresPrograms;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue probe over TLS to a real redis-server whose certificate a private CA signed, with a password. */
@RequiresPrograms({"redis-server", "openssl"})
class RedisTlsTest {
    @TempDir
    static Path dir;
    static Process redis;
    static int port;

    @BeforeAll
    static void startTlsRedis() throws Exception {
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "1", "-subj", "/CN=greenscale-test-ca");
        run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost");
        run("openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.pem", "-days", "1", "-extfile", "san.ext");
        port = FreePorts.next();
        redis = new ProcessBuilder("redis-server", "--port", "0", "--tls-port", Integer.toString(port), "--bind", "127.0.0.1",
                "--tls-cert-file", "server.pem", "--tls-key-file", "server.key", "--tls-ca-cert-file", "ca.pem",
                "--tls-auth-clients", "no", "--requirepass", "s3cret", "--save", "", "--appendonly", "no", "--dir", dir.toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(RedisTlsTest::listening);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        redis.destroy();
        redis.waitFor(10, TimeUnit.SECONDS);
    }

    private static boolean listening() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + out);
        }
    }

    static RedisConnection tls(Path ca, String password) {
        return new RedisConnection("127.0.0.1", port, 0, null, password, true, ca, Duration.ofSeconds(2), 2);
    }

    @Test
    void reads_the_queue_over_tls_trusting_the_configured_ca_with_the_password() throws Exception {
        try (RedisClients clients = new RedisClients()) {
            RedisConnection c = tls(dir.resolve("ca.pem"), "s3cret");
            assertThat(new RedisListQueue(clients.client(c), c, "jobs").read().backlog()).isZero();
        }
    }

    @Test
    void a_server_certificate_the_jdk_does_not_trust_is_refused() {
        try (RedisClients clients = new RedisClients()) {
            RedisConnection c = tls(null, "s3cret");
            assertThatThrownBy(() -> new RedisListQueue(clients.client(c), c, "jobs").read())
                    .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.getMessage()).containsIgnoringCase("certif"));
        }
    }

    @Test
    void tls_without_the_password_is_an_auth_failure() {
        try (RedisClients clients = new RedisClients()) {
            RedisConnection c = tls(dir.resolve("ca.pem"), null);
            assertThatThrownBy(() -> new RedisListQueue(clients.client(c), c, "jobs").read())
                    .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.AUTH));
        }
    }
}
