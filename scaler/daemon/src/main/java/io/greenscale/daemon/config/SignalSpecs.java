package io.greenscale.daemon.config;

import io.greenscale.daemon.config.PromSignalSpec.Aggregate;
import io.greenscale.policy.config.ConfigNode;
import io.greenscale.policy.config.Durations;
import io.greenscale.policy.config.Range;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a target's {@code signals:} section. Every signal has a default that works with the
 * shipped manifests (prometheus.yml adds {@code namespace}, {@code pod} and {@code app} labels),
 * so the section is only needed to change one.
 */
final class SignalSpecs {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}");

    /** GPU duty cycle per pod from NVIDIA's DCGM exporter (labels pod and namespace), as a fraction. */
    static final PromSignalSpec DEFAULT_GPU = new PromSignalSpec(
            "avg by (namespace, pod) (DCGM_FI_DEV_GPU_UTIL) / 100",
            Map.of("namespace", "${namespace}", "pod", "${pod}"), Aggregate.AVG);

    /** Requests and jobs being computed, from the inference app's gauge, per pod, summed over the target's pods. */
    static final PromSignalSpec DEFAULT_IN_FLIGHT = new PromSignalSpec(
            "sum by (namespace, pod) (greenscale_app_in_flight)",
            Map.of("namespace", "${namespace}", "pod", "${pod}"), Aggregate.SUM);

    static final String DEFAULT_HISTOGRAM = "greenscale_app_request_duration_seconds";

    private SignalSpecs() {}

    static CpuSource cpu(ConfigNode signals) {
        Object raw = signals.raw("cpu");
        if (raw == null) {
            return new CpuSource.MetricsApi();
        }
        if (raw instanceof String s) {
            if (!s.equals("metrics-api")) {
                signals.problems().add(signals.keyPath("cpu"), s, "must be metrics-api or a section with source: prometheus and a query");
            }
            return new CpuSource.MetricsApi();
        }
        ConfigNode cpu = signals.child("cpu");
        String source = cpu.string("source", "metrics-api");
        return switch (source) {
            case "metrics-api" -> new CpuSource.MetricsApi();
            case "prometheus" -> {
                if (!cpu.has("query")) {
                    cpu.problems().add(cpu.keyPath("query") + ": is required when source is prometheus");
                }
                yield new CpuSource.Prometheus(spec(cpu, "", Map.of("namespace", "${namespace}", "pod", "${pod}"), Aggregate.AVG));
            }
            default -> {
                cpu.problems().add(cpu.keyPath("source"), source, "must be one of metrics-api, prometheus");
                yield new CpuSource.MetricsApi();
            }
        };
    }

    static PromSignalSpec gpu(ConfigNode signals) {
        if (!signals.has("gpu")) {
            return DEFAULT_GPU;
        }
        return spec(signals.child("gpu"), DEFAULT_GPU.query(), DEFAULT_GPU.match(), DEFAULT_GPU.aggregate());
    }

    /** In-flight work for targets without a queue (a queue's processing lists are the better source). */
    static PromSignalSpec inFlight(ConfigNode signals) {
        if (!signals.has("inFlight")) {
            return DEFAULT_IN_FLIGHT;
        }
        return spec(signals.child("inFlight"), DEFAULT_IN_FLIGHT.query(), DEFAULT_IN_FLIGHT.match(), DEFAULT_IN_FLIGHT.aggregate());
    }

    /**
     * p95 latency: either a whole {@code query}, or {@code histogram}, {@code quantile} and
     * {@code window} from which the usual histogram_quantile over rate(…_bucket) is built, grouped
     * by namespace and app so that one query serves every target.
     */
    static PromSignalSpec p95(ConfigNode signals) {
        ConfigNode p95 = signals.child("p95");
        String histogram = p95.string("histogram", DEFAULT_HISTOGRAM);
        double quantile = p95.number("quantile", 0.95, Range.openClosed(0, 1));
        Duration window = p95.duration("window", Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofHours(1));
        if (!histogram.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
            p95.problems().add(p95.keyPath("histogram"), histogram, "must be a Prometheus metric name");
        }
        String built = "histogram_quantile(" + quantile + ", sum by (namespace, app, le) (rate(" + histogram + "_bucket["
                + Durations.format(window) + "])))";
        if (p95.has("query") && (p95.has("histogram") || p95.has("window") || p95.has("quantile"))) {
            p95.problems().add(p95.keyPath("query") + ": give either query or histogram/quantile/window, not both");
        }
        return spec(p95, built, Map.of("namespace", "${namespace}", "app", "${name}"), Aggregate.MAX);
    }

    static Map<String, PromSignalSpec> extra(ConfigNode signals) {
        Map<String, PromSignalSpec> out = new LinkedHashMap<>();
        Object raw = signals.raw("extra");
        if (raw == null) {
            return out;
        }
        if (!(raw instanceof Map<?, ?> map)) {
            signals.problems().add(signals.keyPath("extra"), raw, "must be a map of names to query sections");
            return out;
        }
        ConfigNode extra = signals.child("extra");
        for (Object name : map.keySet()) {
            String key = String.valueOf(name);
            ConfigNode one = extra.child(key);
            if (!one.has("query")) {
                one.problems().add(one.keyPath("query") + ": is required");
            }
            out.put(key, spec(one, "", Map.of("namespace", "${namespace}", "pod", "${pod}"), Aggregate.AVG));
        }
        return out;
    }

    private static PromSignalSpec spec(ConfigNode node, String defaultQuery, Map<String, String> defaultMatch, Aggregate defaultAggregate) {
        String query = node.string("query", defaultQuery);
        checkPlaceholders(node, "query", query, PromSignalSpec.QUERY_PLACEHOLDERS);
        Map<String, String> match = node.has("match") ? Connections.stringMap(node, "match") : defaultMatch;
        match.forEach((label, value) -> checkPlaceholders(node, "match." + label, value, PromSignalSpec.MATCH_PLACEHOLDERS));
        Aggregate aggregate = node.choice("aggregate", defaultAggregate, Aggregate.class);
        return new PromSignalSpec(query, match, aggregate);
    }

    private static void checkPlaceholders(ConfigNode node, String key, String text, List<String> allowed) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!allowed.contains(m.group())) {
                node.problems().add(node.keyPath(key), text, "unknown placeholder " + m.group() + "; allowed: " + String.join(", ", allowed));
            }
        }
    }
}
