package io.greenscale.daemon.standin;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.greenscale.daemon.kube.ApiCall;
import io.kubernetes.client.openapi.ApiClient;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A stand-in Kubernetes API server for tests: a JDK HttpServer with the real API's semantics
 * where the daemon depends on them — resourceVersion on every object and 409 on a stale write,
 * 404 Status bodies, the autoscaling/v1 Scale subresource of workloads (GET, PUT, merge PATCH),
 * label-selected lists, generateName, Leases, Events, and metrics.k8s.io pod metrics. Tests
 * reach it only through the official client. It records every request in RBAC terms and can be
 * made to fail, to answer late, or to go down.
 */
public final class StandInApiServer implements AutoCloseable {
    private final Store store = new Store();
    private final StandInResources resources = new StandInResources(store);
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    private final List<Request> requests = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private final int port;
    private HttpServer server;

    private StandInApiServer(int port) {
        this.port = port;
    }

    public static StandInApiServer start() {
        StandInApiServer s = new StandInApiServer(0);
        s.listen(0);
        return s;
    }

    private synchronized void listen(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 256);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the stand-in API server", e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** A fresh official client for this server (no auth, plain HTTP). */
    public ApiClient client() {
        return new ApiClient().setBasePath(url());
    }

    /** A kubeconfig file pointing at this server, for a daemon started as its own process. */
    public Path writeKubeconfig(Path dir) throws IOException {
        Path file = dir.resolve("kubeconfig");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters: [{name: standin, cluster: {server: "%s"}}]
                users: [{name: standin, user: {token: standin}}]
                contexts: [{name: standin, context: {cluster: standin, user: standin}}]
                current-context: standin
                """.formatted(url()));
        return file;
    }

    /** The resources the tests set up and inspect. */
    public StandInResources resources() {
        return resources;
    }

    public void fault(Fault fault) {
        faults.add(fault);
    }

    public void clearFaults() {
        faults.clear();
    }

    /** Stops listening: clients get connection refused until {@link #up()}. */
    public synchronized void down() {
        int was = port();
        server.stop(0);
        downPort = was;
    }

    private int downPort = -1;

    /** Listens again on the same port. */
    public synchronized void up() {
        listen(downPort);
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public int requestCount() {
        return requests.size();
    }

    private record Watcher(java.util.function.Predicate<Request> match, java.util.concurrent.CompletableFuture<Request> found) {
    }

    /** Completes with the next request that matches, when it arrives. */
    public java.util.concurrent.CompletableFuture<Request> next(java.util.function.Predicate<Request> match) {
        var found = new java.util.concurrent.CompletableFuture<Request>();
        watchers.add(new Watcher(match, found));
        return found;
    }

    public void clearRequests() {
        requests.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Route route = Route.parse(path);
            Request request = new Request(Instant.now(), method, path, route == null ? null : route.call(method), body);
            requests.add(request);
            for (Watcher w : watchers) {
                if (w.match().test(request) && w.found().complete(request)) {
                    watchers.remove(w);
                }
            }
            for (Fault f : faults) {
                if (f.matches(method, path) && f.fire()) {
                    if (!f.delay.isZero()) {
                        sleep(f.delay);
                    } else {
                        send(exchange, f.status, StandInResources.status(f.status, "Injected", "injected failure " + f.status).toString());
                        return;
                    }
                }
            }
            if (route == null) {
                send(exchange, 404, StandInResources.status(404, "NotFound", "the server could not find the requested resource").toString());
                return;
            }
            StandInResources.Reply reply = resources.serve(method, route, query, body.isEmpty() ? null : JsonParser.parseString(body),
                    exchange.getRequestHeaders().getFirst("Content-Type"));
            send(exchange, reply.status(), reply.body());
        }
    }

    private static void sleep(java.time.Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A parsed API path. {@code sub} is a subresource such as {@code scale}, or null. */
    record Route(String group, String version, String namespace, String resource, String name, String sub) {

        static Route parse(String path) {
            List<String> s = new ArrayList<>();
            for (String part : path.split("/")) {
                if (!part.isEmpty()) {
                    s.add(part);
                }
            }
            int i;
            String group;
            String version;
            if (s.size() >= 2 && s.getFirst().equals("api")) {
                group = "";
                version = s.get(1);
                i = 2;
            } else if (s.size() >= 3 && s.getFirst().equals("apis")) {
                group = s.get(1);
                version = s.get(2);
                i = 3;
            } else {
                return null;
            }
            if (s.size() < i + 3 || !s.get(i).equals("namespaces")) {
                return null;
            }
            String ns = s.get(i + 1);
            String resource = s.get(i + 2);
            String name = s.size() > i + 3 ? s.get(i + 3) : null;
            String sub = s.size() > i + 4 ? s.get(i + 4) : null;
            return new Route(group, version, ns, resource, name, sub);
        }

        String apiVersion() {
            return group.isEmpty() ? version : group + "/" + version;
        }

        ApiCall call(String method) {
            String verb = switch (method) {
                case "GET" -> name == null ? "list" : "get";
                case "POST" -> "create";
                case "PUT" -> "update";
                case "PATCH" -> "patch";
                case "DELETE" -> name == null ? "deletecollection" : "delete";
                default -> method.toLowerCase(java.util.Locale.ROOT);
            };
            return new ApiCall(group, sub == null ? resource : resource + "/" + sub, verb);
        }
    }

    static JsonArray array(List<JsonObject> items) {
        JsonArray a = new JsonArray();
        items.forEach(a::add);
        return a;
    }
}
