package io.greenscale.loadgen.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A trivial HTTP server on loopback that answers every request with 200 {@code {"ok":true}} —
 * and, if asked, stalls like a stop-the-world pause: for the last {@code stall} of every
 * {@code every} (e.g. 1 s of every 5 s), each request waits until the stall is over. It is the
 * reference target for checking the generator itself: its rate, and how a stall shows in open-
 * and closed-loop latencies.
 */
public final class StallingServer implements AutoCloseable {
    private static final byte[] BODY = "{\"ok\":true}".getBytes(StandardCharsets.US_ASCII);

    private final HttpServer server;
    private final ExecutorService executor;
    private final long everyNanos;
    private final long stallNanos;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private final Consumer<String> bodies;
    private final AtomicLong requests = new AtomicLong();

    private StallingServer(int port, Duration stall, Duration every, Consumer<String> bodies, boolean virtualThreads) {
        this.everyNanos = every.toNanos();
        this.stallNanos = stall.toNanos();
        this.bodies = bodies;
        this.nanoTime = System::nanoTime;
        this.executor = virtualThreads ? Executors.newVirtualThreadPerTaskExecutor()
                : Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon().name("serve-", 0).factory());
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        this.startNanos = nanoTime.getAsLong();
        server.start();
    }

    /** A server that never stalls. Port 0 picks a free one. */
    public static StallingServer start(int port) {
        return new StallingServer(port, Duration.ZERO, Duration.ofSeconds(1), null, false);
    }

    /** A server that stalls for {@code stall} at the end of every {@code every}, counted from its start. */
    public static StallingServer stalling(int port, Duration stall, Duration every) {
        if (stall.compareTo(every) >= 0) {
            throw new IllegalArgumentException("the stall (" + stall + ") must be shorter than its period (" + every + ")");
        }
        return new StallingServer(port, stall, every, null, true);
    }

    /** A never-stalling server that hands every request body to {@code bodies} (tests check what was sent). */
    public static StallingServer recording(int port, Consumer<String> bodies) {
        return new StallingServer(port, Duration.ZERO, Duration.ofSeconds(1), bodies, true);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.incrementAndGet();
            if (bodies != null) {
                bodies.accept(new String(body, StandardCharsets.UTF_8));
            }
            waitOutStall();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        }
    }

    /** Inside a stall window, blocks until it ends. */
    private void waitOutStall() {
        if (stallNanos == 0) {
            return;
        }
        long t = nanoTime.getAsLong() - startNanos;
        long intoPeriod = t % everyNanos;
        long stallStart = everyNanos - stallNanos;
        if (intoPeriod >= stallStart) {
            long end = nanoTime.getAsLong() + (everyNanos - intoPeriod);
            long left;
            while ((left = end - nanoTime.getAsLong()) > 0) {
                LockSupport.parkNanos(left);
            }
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT/} */
    public String url() {
        return "http://127.0.0.1:" + port() + "/";
    }

    public long requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
