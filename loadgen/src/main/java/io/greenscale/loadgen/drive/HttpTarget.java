package io.greenscale.loadgen.drive;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An HTTP/1.1 endpoint, driven through Jetty's non-blocking client (it sustained about twice the
 * rate of {@code java.net.http.HttpClient} on two cores). Any 2xx is a success; other statuses,
 * timeouts and transport errors are failures, each counted by kind. At most {@code connections}
 * connections are opened; the caller's in-flight limit keeps requests from queueing inside the
 * client, so every wait is the generator's own and is measured.
 */
public final class HttpTarget implements Target {
    private final URI uri;
    private final String method;
    private final List<String> headers;
    private final String contentType;
    private final Duration timeout;
    private final int connections;
    private final HttpClient client;

    /** @param headers name/value pairs, flattened: {@code [name1, value1, name2, value2, ...]} */
    public HttpTarget(URI uri, String method, List<String> headers, Duration timeout, int connections) {
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("an HTTP target needs an http:// or https:// URL, was " + uri);
        }
        this.uri = uri;
        this.method = method;
        this.timeout = timeout;
        this.connections = connections;
        String type = "application/json";
        List<String> others = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            if (headers.get(i).equalsIgnoreCase("content-type")) {
                type = headers.get(i + 1);
            } else {
                others.add(headers.get(i));
                others.add(headers.get(i + 1));
            }
        }
        this.contentType = type;
        this.headers = List.copyOf(others);
        // A few platform threads are plenty: the work per response is a counter update.
        QueuedThreadPool pool = new QueuedThreadPool(8, 2);
        pool.setName("loadgen-http");
        pool.setDaemon(true);
        this.client = new HttpClient();
        client.setExecutor(pool);
        client.setMaxConnectionsPerDestination(Math.max(1, connections));
        client.setMaxRequestsQueuedPerDestination(Integer.MAX_VALUE);
        client.setFollowRedirects(false);
        client.setConnectTimeout(timeout.toMillis());
        client.setUserAgentField(new org.eclipse.jetty.http.HttpField(org.eclipse.jetty.http.HttpHeader.USER_AGENT, "greenscale-loadgen"));
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the HTTP client", e);
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

    @Override
    public CompletableFuture<Outcome> send(Request request) {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        org.eclipse.jetty.client.Request r = client.newRequest(uri).method(method).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!headers.isEmpty()) {
            r.headers(h -> {
                for (int i = 0; i + 1 < headers.size(); i += 2) {
                    h.add(headers.get(i), headers.get(i + 1));
                }
            });
        }
        if (request.payload() != null) {
            r.body(new StringRequestContent(contentType, request.payload()));
        }
        r.send(result -> outcome.complete(result.isFailed()
                ? failure(result.getFailure())
                : Outcome.status(result.getResponse().getStatus())));
        return outcome;
    }

    static Outcome failure(Throwable e) {
        if (e instanceof TimeoutException) {
            return Outcome.failed(Outcome.TIMEOUT);
        }
        if (e instanceof ConnectException || e instanceof UnresolvedAddressException
                || e instanceof SocketTimeoutException && String.valueOf(e.getMessage()).contains("Connect")) {
            return Outcome.failed(Outcome.CONNECT);
        }
        return Outcome.failed(e instanceof IOException ? "io" : "client_" + e.getClass().getSimpleName());
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "http");
        m.put("url", uri.toString());
        m.put("method", method);
        m.put("connections", connections);
        m.put("timeout_s", timeout.toNanos() / 1e9);
        m.put("client", "Jetty HttpClient " + org.eclipse.jetty.util.Jetty.VERSION + " (HTTP/1.1)");
        return m;
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            // The run is over; a client that fails to stop cleanly loses nothing.
        }
    }
}
