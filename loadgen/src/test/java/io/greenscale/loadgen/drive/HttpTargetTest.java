package io.greenscale.loadgen.drive;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import io.greenscale.loadgen.profile.Arrivals;
import io.greenscale.loadgen.profile.ConstantProfile;
import io.greenscale.loadgen.record.RunDirectory;
import io.greenscale.loadgen.record.RunSummary;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The HTTP driver against a real server whose answers each case chooses. */
class HttpTargetTest {
    static final Duration TIMEOUT = Duration.ofMillis(300);

    @TempDir
    Path tmp;

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("200 with a body → ok", (HttpHandler) x -> Responder.answer(x, 200, "{\"ok\":true}"), Outcome.ok(200)),
                Arguments.of("204 without a body → ok", (HttpHandler) x -> Responder.answer(x, 204, ""), Outcome.ok(204)),
                Arguments.of("503 → failure counted by status", (HttpHandler) x -> Responder.answer(x, 503, "busy"),
                        new Outcome(false, 503, "status_503")),
                Arguments.of("connection closed without an answer → io", (HttpHandler) x -> x.close(), Outcome.failed("io")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void eachAnswerEndsTheRequestAsCounted(String name, HttpHandler handler, Outcome expected) throws Exception {
        try (Responder server = new Responder(handler);
             HttpTarget target = new HttpTarget(URI.create(server.url("/")), "GET", List.of(), TIMEOUT, 4)) {
            assertThat(target.send(new Request(0, 0, null)).get(5, TimeUnit.SECONDS)).isEqualTo(expected);
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutAfterTheTimeout() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        try (Responder server = new Responder(x -> await(never));
             HttpTarget target = new HttpTarget(URI.create(server.url("/")), "GET", List.of(), TIMEOUT, 4)) {
            long start = System.nanoTime();
            Outcome outcome = target.send(new Request(0, 0, null)).get(5, TimeUnit.SECONDS);
            long tookMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(outcome.isTimeout()).isTrue();
            assertThat(tookMillis).as("not before the timeout").isGreaterThanOrEqualTo(TIMEOUT.toMillis());
        } finally {
            never.countDown();
        }
    }

    @Test
    void aServerThatDoesNotSpeakHttpIsAProtocolFailure() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             HttpTarget target = new HttpTarget(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/"), "GET", List.of(),
                     Duration.ofSeconds(5), 1)) {
            Thread.ofVirtual().start(() -> {
                try (Socket s = server.accept()) {
                    s.getOutputStream().write("SSH-2.0-OpenSSH_9.2\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    s.getInputStream().read();
                } catch (IOException e) {
                    // The client hung up: the case is over.
                }
            });
            assertThat(target.send(new Request(0, 0, null)).get(5, TimeUnit.SECONDS)).isEqualTo(Outcome.failed("protocol"));
        }
    }

    @Test
    void nothingListeningIsAConnectFailure() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (HttpTarget target = new HttpTarget(URI.create("http://127.0.0.1:" + port + "/"), "GET", List.of(), TIMEOUT, 4)) {
            assertThat(target.send(new Request(0, 0, null)).get(5, TimeUnit.SECONDS)).isEqualTo(Outcome.failed(Outcome.CONNECT));
        }
    }

    @Test
    void neverMoreConnectionsThanAllowedAndTheRestWaitInTheGeneratorsQueue() throws Exception {
        try (Responder server = new Responder(x -> {
                 sleep(20);
                 Responder.answer(x, 200, "ok");
             });
             HttpTarget target = new HttpTarget(URI.create(server.url("/")), "GET", List.of(), Duration.ofSeconds(5), 3)) {
            // 400/s for 1 s at 20 ms each needs 8 connections; 3 are allowed.
            Duration run = Duration.ofSeconds(1);
            RunSummary s = Runs.run(new LoadRun.Open(Arrivals.uniform(new ConstantProfile(400, run)), run, null),
                    target, 3, Duration.ofSeconds(5), tmp.resolve("run")).summary();

            assertThat(server.connections()).isEqualTo(3);
            assertThat(s.requests().completed()).isEqualTo(400);
            assertThat(s.schedulingErrorMs().p99()).as("requests waited for a free connection").isGreaterThan(100.0);
        }
    }

    @Test
    void twoEventLoopsKeepTheScheduleAndShareTheConnections() throws Exception {
        try (Responder server = new Responder(x -> Responder.answer(x, 200, "ok"));
             HttpTarget target = new HttpTarget(URI.create(server.url("/")), "GET", List.of(), Duration.ofSeconds(5), 4, 2)) {
            Duration run = Duration.ofSeconds(2);
            LoadRun.Result result = Runs.run(new LoadRun.Open(Arrivals.uniform(new ConstantProfile(1000, run)), run, null),
                    target, 4, Duration.ofSeconds(5), tmp.resolve("two"));

            assertThat(target.eventLoops()).hasSize(2);
            assertThat(result.summary().requests().completed()).isEqualTo(2000);
            assertThat(RunDirectory.open(tmp.resolve("two")).readTimeseries().subList(0, 2))
                    .allSatisfy(r -> assertThat(r.arrivals()).isEqualTo(1000));
            assertThat(server.connections()).as("two per loop").isLessThanOrEqualTo(4);
        }
    }

    @Test
    void answersThatCloseTheConnectionAreCompletedAndTheNextRequestReconnects() throws Exception {
        try (Responder server = new Responder(x -> {
                 x.getResponseHeaders().set("Connection", "close");
                 Responder.answer(x, 200, "ok");
             });
             HttpTarget target = new HttpTarget(URI.create(server.url("/")), "GET", List.of(), TIMEOUT, 1)) {
            for (int i = 0; i < 5; i++) {
                assertThat(target.send(new Request(i, 0, null)).get(5, TimeUnit.SECONDS)).isEqualTo(Outcome.ok(200));
            }
            assertThat(server.connections()).isEqualTo(5);
        }
    }

    @Test
    void closedLoopUsersBeyondTheConnectionsWaitInsideTheDriverAndNoneIsLost() throws Exception {
        try (Responder server = new Responder(x -> {
                 sleep(5);
                 Responder.answer(x, 200, "ok");
             });
             HttpTarget target = new HttpTarget(URI.create(server.url("/")), "GET", List.of(), Duration.ofSeconds(5), 2)) {
            RunSummary s = Runs.run(new LoadRun.Closed(8, Duration.ZERO, Duration.ofMillis(500), null),
                    target, 2, Duration.ofSeconds(5), tmp.resolve("closed")).summary();

            assertThat(s.requests().errors()).isZero();
            assertThat(s.requests().completed()).isEqualTo(s.requests().sent()).isGreaterThan(20);
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    record Seen(String method, String uri, Map<String, String> headers, String body) {}

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("GET with a query and an extra header", "GET", "/v1/models?limit=5", List.of("X-Tenant", "blue"), null,
                        new Seen("GET", "/v1/models?limit=5", Map.of("X-tenant", "blue", "User-agent", "greenscale-loadgen"), "")),
                Arguments.of("POST with a JSON body", "POST", "/v1/infer", List.of(), "{\"n\":256}",
                        new Seen("POST", "/v1/infer", Map.of("Content-type", "application/json", "Content-length", "9"), "{\"n\":256}")),
                Arguments.of("POST with its own content type", "POST", "/", List.of("Content-Type", "text/plain"), "héllo",
                        new Seen("POST", "/", Map.of("Content-type", "text/plain", "Content-length", "6"), "héllo")),
                Arguments.of("POST without a body says so", "POST", "/", List.of(), null,
                        new Seen("POST", "/", Map.of("Content-length", "0"), "")),
                Arguments.of("HEAD: the answer's length announces no body", "HEAD", "/", List.of(), null,
                        new Seen("HEAD", "/", Map.of(), "")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void requestsCarryTheMethodPathHeadersAndBody(String name, String method, String path, List<String> headers, String body,
                                                  Seen expected) throws Exception {
        Map<String, Seen> seen = new ConcurrentHashMap<>();
        try (Responder server = new Responder(x -> {
                 Map<String, String> h = new java.util.HashMap<>();
                 x.getRequestHeaders().forEach((k, v) -> h.put(k, String.join(",", v)));
                 seen.put("last", new Seen(x.getRequestMethod(), x.getRequestURI().toString(), h,
                         new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                 // A HEAD answer announces the length of the body a GET would get, and sends none.
                 x.sendResponseHeaders(200, "HEAD".equals(x.getRequestMethod()) ? -1 : 2);
                 if (!"HEAD".equals(x.getRequestMethod())) {
                     x.getResponseBody().write("ok".getBytes(StandardCharsets.US_ASCII));
                 }
                 x.close();
             });
             HttpTarget target = new HttpTarget(URI.create(server.url(path)), method, headers, TIMEOUT, 1)) {
            for (int i = 0; i < 2; i++) {
                assertThat(target.send(new Request(i, 0, body)).get(5, TimeUnit.SECONDS)).as("request %d", i).isEqualTo(Outcome.ok(200));
            }
            Seen last = seen.get("last");
            assertThat(last.method()).isEqualTo(expected.method());
            assertThat(last.uri()).isEqualTo(expected.uri());
            assertThat(last.headers()).containsAllEntriesOf(expected.headers());
            assertThat(last.body()).isEqualTo(expected.body());
            assertThat(server.connections()).as("both requests on one kept-alive connection").isEqualTo(1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
