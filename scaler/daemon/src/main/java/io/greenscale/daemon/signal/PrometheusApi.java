package io.greenscale.daemon.signal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenscale.daemon.config.PrometheusConnection;
import io.greenscale.daemon.signal.SourceException.Kind;
import io.greenscale.daemon.signal.SourceException.Source;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Instant queries against the Prometheus HTTP API ({@code POST /api/v1/query}). */
public final class PrometheusApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrometheusConnection connection;
    private final HttpClient http;
    private final URI queryUri;

    public PrometheusApi(PrometheusConnection connection) {
        this.connection = connection;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connection.timeout());
        if (connection.caFile() != null) {
            builder.sslContext(Tls.trusting(connection.caFile()));
        }
        this.http = builder.build();
        String base = connection.url().toString().replaceAll("/+$", "");
        this.queryUri = URI.create(base + "/api/v1/query");
    }

    public PrometheusConnection connection() {
        return connection;
    }

    /** Evaluates {@code promql} now; scalar results come back as one series without labels. */
    public List<PromSeries> query(String promql) throws SourceException {
        HttpRequest.Builder request = HttpRequest.newBuilder(queryUri)
                .timeout(connection.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)));
        connection.headers().forEach(request::header);
        authorize(request);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new SourceException(Source.PROMETHEUS, Kind.TIMEOUT, promql + ": no answer from " + connection + " within "
                    + connection.timeout().toMillis() + " ms", e);
        } catch (ConnectException e) {
            throw new SourceException(Source.PROMETHEUS, Kind.UNAVAILABLE, promql + ": cannot connect to " + connection, e);
        } catch (IOException e) {
            throw new SourceException(Source.PROMETHEUS, Kind.UNAVAILABLE, promql + ": " + connection + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException(Source.PROMETHEUS, Kind.TIMEOUT, promql + ": interrupted (shutting down)", e);
        }
        return parse(promql, response.statusCode(), response.body());
    }

    private void authorize(HttpRequest.Builder request) throws SourceException {
        if (connection.bearerTokenFile() != null) {
            try {
                request.header("Authorization", "Bearer " + Files.readString(connection.bearerTokenFile()).strip());
            } catch (IOException e) {
                throw new SourceException(Source.PROMETHEUS, Kind.AUTH, "cannot read bearer token file " + connection.bearerTokenFile(), e);
            }
        } else if (connection.username() != null) {
            String pair = connection.username() + ":" + connection.password();
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
    }

    static List<PromSeries> parse(String promql, int status, String body) throws SourceException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            root = null;
        }
        String error = root == null ? shorten(body) : root.path("error").asText(shorten(body));
        if (status == 401 || status == 403) {
            throw new SourceException(Source.PROMETHEUS, Kind.AUTH, promql + ": HTTP " + status + " " + error);
        }
        if (status >= 500) {
            throw new SourceException(Source.PROMETHEUS, Kind.SERVER_ERROR, promql + ": HTTP " + status + " " + error);
        }
        if (status >= 400) {
            throw new SourceException(Source.PROMETHEUS, Kind.REJECTED, promql + ": HTTP " + status + " " + error);
        }
        if (root == null || !"success".equals(root.path("status").asText())) {
            throw new SourceException(Source.PROMETHEUS, Kind.BAD_RESPONSE, promql + ": not a successful query response: " + shorten(body));
        }
        JsonNode data = root.path("data");
        String type = data.path("resultType").asText();
        List<PromSeries> out = new ArrayList<>();
        switch (type) {
            case "vector" -> {
                for (JsonNode item : data.path("result")) {
                    Map<String, String> labels = new LinkedHashMap<>();
                    item.path("metric").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
                    out.add(new PromSeries(labels, value(promql, item.path("value")), time(item.path("value"))));
                }
            }
            case "scalar" -> out.add(new PromSeries(Map.of(), value(promql, data.path("result")), time(data.path("result"))));
            default -> throw new SourceException(Source.PROMETHEUS, Kind.REJECTED,
                    promql + ": result type " + type + " cannot be a signal; the query must yield an instant vector or a scalar");
        }
        return out;
    }

    private static double value(String promql, JsonNode pair) throws SourceException {
        String text = pair.path(1).asText(null);
        if (text == null) {
            throw new SourceException(Source.PROMETHEUS, Kind.BAD_RESPONSE, promql + ": a sample without a value: " + pair);
        }
        return switch (text) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new SourceException(Source.PROMETHEUS, Kind.BAD_RESPONSE, promql + ": sample value \"" + text + "\" is not a number");
                }
            }
        };
    }

    private static Instant time(JsonNode pair) {
        double seconds = pair.path(0).asDouble();
        return Instant.ofEpochSecond(0, Math.round(seconds * 1e9));
    }

    private static String shorten(String body) {
        if (body == null) {
            return "";
        }
        String one = body.strip().replace('\n', ' ');
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }
}
