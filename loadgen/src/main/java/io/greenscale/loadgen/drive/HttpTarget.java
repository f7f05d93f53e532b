package io.greenscale.loadgen.drive;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.handler.codec.CodecException;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.Version;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;

/**
 * An HTTP/1.1 endpoint, driven through Netty: {@code ioThreads} event loops, each owning an equal
 * share of the connections. The open loop paces its schedule on those same threads
 * ({@link #eventLoops}), so a request goes from its send time to the socket, and a response from
 * the socket to the meter, without any hand-off between threads. Any 2xx is a success; other
 * statuses, timeouts and transport errors are failures, each counted by kind. At most
 * {@code connections} connections are opened; the caller's in-flight limit keeps requests from
 * waiting inside the driver, so every wait is the generator's own and is measured.
 */
public final class HttpTarget implements Target {
    private final URI uri;
    private final String method;
    private final Duration timeout;
    private final int connections;
    private final IoTransport transport;
    private final EventLoopGroup group;
    private final List<EventLoop> loops = new ArrayList<>();
    private final List<HttpConnectionPool> pools = new ArrayList<>();
    private final AtomicInteger nextForeign = new AtomicInteger();

    /** One event loop: see {@link #HttpTarget(URI, String, List, Duration, int, int)}. */
    public HttpTarget(URI uri, String method, List<String> headers, Duration timeout, int connections) {
        this(uri, method, headers, timeout, connections, 1);
    }

    /**
     * @param headers   name/value pairs, flattened: {@code [name1, value1, name2, value2, ...]}
     * @param ioThreads event loops; at most {@code connections}, since each owns at least one
     * @throws IllegalArgumentException for a URL that is not http(s), or a header HTTP does not allow
     */
    public HttpTarget(URI uri, String method, List<String> headers, Duration timeout, int connections, int ioThreads) {
        boolean https = "https".equals(uri.getScheme());
        if (!"http".equals(uri.getScheme()) && !https) {
            throw new IllegalArgumentException("an HTTP target needs an http:// or https:// URL, was " + uri);
        }
        this.uri = uri;
        this.method = method;
        this.timeout = timeout;
        this.connections = Math.max(1, connections);
        String contentType = "application/json";
        List<String> others = new ArrayList<>();
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            if (headers.get(i).equalsIgnoreCase("content-type")) {
                contentType = headers.get(i + 1);
            } else {
                others.add(headers.get(i));
                others.add(headers.get(i + 1));
            }
        }
        new HttpRequestFactory(uri, method, others, contentType); // checks the headers before any thread starts
        SslContext ssl = https ? clientSsl() : null;
        int threads = Math.clamp(ioThreads, 1, this.connections);
        this.transport = IoTransport.best();
        this.group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("loadgen-http", true), transport.handlers());
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        // Timeouts fire within a tenth of the timeout after their deadline, and within 10 ms at most.
        long sweepNanos = Math.clamp(timeout.toNanos() / 10, 1_000_000L, 10_000_000L);
        for (EventExecutor e : group) {
            EventLoop loop = (EventLoop) e;
            Bootstrap bootstrap = new Bootstrap().group(loop).channel(transport.channelType())
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), Integer.MAX_VALUE));
            // Each loop encodes with its own factory: the factories keep per-thread state.
            HttpConnectionPool pool = new HttpConnectionPool(bootstrap, uri.getHost(), port, ssl,
                    new HttpRequestFactory(uri, method, others, contentType),
                    OpenLoop.share(this.connections, threads, loops.size()), timeout.toNanos(), System::nanoTime);
            loop.scheduleAtFixedRate(pool::sweep, sweepNanos, sweepNanos, TimeUnit.NANOSECONDS);
            loops.add(loop);
            pools.add(pool);
        }
    }

    private static SslContext clientSsl() {
        try {
            return SslContextBuilder.forClient().build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS for an https:// target: " + e.getMessage(), e);
        }
    }

    @Override
    public void probe() throws TargetUnreachableException {
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), (int) Math.min(timeout.toMillis(), Integer.MAX_VALUE));
        } catch (IOException | UnresolvedAddressException e) {
            throw new TargetUnreachableException("cannot connect to " + uri.getHost() + ":" + port + " (" + e.getMessage() + ")", e);
        }
    }

    /** Sent on the calling event loop's connections; from any other thread, on the loops' in turn. */
    @Override
    public CompletableFuture<Outcome> send(Request request) {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        for (int i = 0; i < loops.size(); i++) {
            if (loops.get(i).inEventLoop()) {
                pools.get(i).send(request, outcome);
                return outcome;
            }
        }
        int i = Math.floorMod(nextForeign.getAndIncrement(), loops.size());
        HttpConnectionPool pool = pools.get(i);
        try {
            loops.get(i).execute(() -> pool.send(request, outcome));
        } catch (RejectedExecutionException e) {
            outcome.complete(Outcome.failed("closed"));
        }
        return outcome;
    }

    /** The threads that own the connections, an equal share each: the open loop paces a lane on each. */
    @Override
    public List<ScheduledExecutorService> eventLoops() {
        return List.copyOf(loops);
    }

    /** A transport failure's kind: {@code timeout}, {@code connect}, {@code tls}, {@code io}, else {@code client_<exception>}. */
    static Outcome failure(Throwable e) {
        // Netty's codecs wrap what went wrong beneath them (a failed TLS handshake, say).
        Throwable cause = e instanceof CodecException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof TimeoutException) {
            return Outcome.failed(Outcome.TIMEOUT);
        }
        if (cause instanceof ConnectException || cause instanceof UnresolvedAddressException
                || cause instanceof SocketTimeoutException && String.valueOf(cause.getMessage()).contains("Connect")) {
            return Outcome.failed(Outcome.CONNECT);
        }
        if (cause instanceof SSLException) {
            return Outcome.failed("tls");
        }
        return Outcome.failed(cause instanceof IOException ? "io" : "client_" + cause.getClass().getSimpleName());
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "http");
        m.put("url", uri.toString());
        m.put("method", method);
        m.put("connections", connections);
        m.put("io_threads", loops.size());
        m.put("timeout_s", timeout.toNanos() / 1e9);
        Version netty = Version.identify(HttpTarget.class.getClassLoader()).get("netty-codec-http");
        m.put("client", "Netty " + (netty == null ? "" : netty.artifactVersion() + " ") + "(HTTP/1.1, " + transport.name() + ")");
        return m;
    }

    @Override
    public void close() {
        for (int i = 0; i < loops.size(); i++) {
            try {
                loops.get(i).submit(pools.get(i)::close).await(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RejectedExecutionException e) {
                // Already closed.
            }
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
}
