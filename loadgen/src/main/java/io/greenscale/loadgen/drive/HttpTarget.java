package io.greenscale.loadgen.drive;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP/1.1 endpoint, driven through the JDK's non-blocking {@link HttpClient}. Any 2xx is a
 * success; other statuses, timeouts and transport errors are failures, each counted by kind.
 * The number of connections is bounded by the caller's in-flight limit (HTTP/1.1 carries one
 * request per connection at a time).
 */
public final class HttpTarget implements Target {
    private final URI uri;
    private final String method;
    private final List<String> headers;
    private final Duration timeout;
    private final int connections;
    private final ExecutorService executor;
    private final HttpClient client;

    /**
     * @param headers name/value pairs, flattened: {@code [name1, value1, name2, value2, ...]}
     */
    public HttpTarget(URI uri, String method, List<String> headers, Duration timeout, int connections) {
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("an HTTP target needs an http:// or https:// URL, was " + uri);
        }
        this.uri = uri;
        this.method = method;
        this.headers = List.copyOf(headers);
        this.timeout = timeout;
        this.connections = connections;
        // Two platform threads finish responses; the client's own selector thread does the I/O.
        this.executor = Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon().name("loadgen-http-", 0).factory());
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    @Override
    public void probe() throws TargetUnreachableException {
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), (int) Math.min(timeout.toMillis(), Integer.MAX_VALUE));
        } catch (IOException e) {
            throw new TargetUnreachableException("cannot connect to " + uri.getHost() + ":" + port + " (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public CompletableFuture<Outcome> send(Request request) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method, request.payload() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.payload()));
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            b.header(headers.get(i), headers.get(i + 1));
        }
        try {
            return client.sendAsync(b.build(), HttpResponse.BodyHandlers.discarding())
                    .handle((response, error) -> error == null ? Outcome.status(response.statusCode()) : failure(error));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failure(e));
        }
    }

    static Outcome failure(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof HttpConnectTimeoutException || e instanceof ConnectException) {
            return Outcome.failed(Outcome.CONNECT);
        }
        if (e instanceof HttpTimeoutException) {
            return Outcome.failed(Outcome.TIMEOUT);
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
        m.put("client", "java.net.http.HttpClient (HTTP/1.1)");
        return m;
    }

    @Override
    public void close() {
        client.shutdownNow();
        executor.shutdownNow();
    }
}
