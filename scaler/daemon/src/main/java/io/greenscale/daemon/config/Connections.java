package io.greenscale.daemon.config;

import io.greenscale.policy.config.ConfigNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parses the {@code redis:} and {@code prometheus:} sections. */
final class Connections {
    private Connections() {}

    static RedisConnection redis(ConfigNode node, Environment env) {
        String url = node.string("url", "redis://localhost:6379");
        URI uri = uri(node, "url", url, "redis", "rediss");
        String host = uri == null || uri.getHost() == null ? "localhost" : uri.getHost();
        int port = uri == null || uri.getPort() < 0 ? 6379 : uri.getPort();
        int database = 0;
        if (uri != null && uri.getPath() != null && uri.getPath().length() > 1) {
            try {
                database = Integer.parseInt(uri.getPath().substring(1));
            } catch (NumberFormatException e) {
                node.problems().add(node.keyPath("url"), url, "the path must be a database number, e.g. redis://host:6379/0");
            }
        }
        String username = node.string("username", null);
        String password = Secrets.read(node, "password", env);
        boolean tls = node.bool("tls", uri != null && "rediss".equals(uri.getScheme()));
        var caFile = Secrets.existingFile(node, "caFile");
        Duration timeout = node.duration("timeout", Duration.ofSeconds(1), Duration.ofMillis(10), Duration.ofMinutes(1));
        int poolSize = node.integer("poolSize", 16, 1, 1024);
        return new RedisConnection(host, port, database, username, password, tls, caFile, timeout, poolSize);
    }

    static PrometheusConnection prometheus(ConfigNode node, Environment env) {
        String url = node.string("url", "http://localhost:9090");
        URI uri = uri(node, "url", url, "http", "https");
        Duration timeout = node.duration("timeout", Duration.ofSeconds(2), Duration.ofMillis(10), Duration.ofMinutes(1));
        var tokenFile = Secrets.existingFile(node, "bearerTokenFile");
        String username = node.string("username", null);
        String password = Secrets.read(node, "password", env);
        if ((username == null) != (password == null)) {
            node.problems().add(node.keyPath("username") + ": basic auth needs both username and password");
        }
        if (username != null && tokenFile != null) {
            node.problems().add(node.keyPath("bearerTokenFile") + ": give either bearerTokenFile or username/password, not both");
        }
        Map<String, String> headers = stringMap(node, "headers");
        var caFile = Secrets.existingFile(node, "caFile");
        return new PrometheusConnection(uri == null ? URI.create("http://localhost:9090") : uri, timeout, tokenFile,
                username, password, headers, caFile);
    }

    /** A map of strings to strings, e.g. extra headers or PromQL label matches. */
    static Map<String, String> stringMap(ConfigNode node, String key) {
        Object raw = node.raw(key);
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        if (!(raw instanceof Map<?, ?> map)) {
            node.problems().add(node.keyPath(key), raw, "must be a map of names to strings");
            return out;
        }
        map.forEach((k, v) -> {
            if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                out.put(String.valueOf(k), String.valueOf(v));
            } else {
                node.problems().add(node.keyPath(key) + "." + k, v, "must be a string");
            }
        });
        return out;
    }

    private static URI uri(ConfigNode node, String key, String text, String... schemes) {
        try {
            URI uri = new URI(text);
            for (String scheme : schemes) {
                if (scheme.equals(uri.getScheme()) && uri.getHost() != null) {
                    return uri;
                }
            }
            node.problems().add(node.keyPath(key), text, "must be a URL of scheme " + String.join(" or ", schemes) + " with a host");
        } catch (URISyntaxException e) {
            node.problems().add(node.keyPath(key), text, "must be a URL (" + e.getReason() + ")");
        }
        return null;
    }
}
