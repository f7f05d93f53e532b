package io.greenscale.daemon.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.greenscale.daemon.config.ConfigLoader;
import io.greenscale.daemon.config.Environment;
import io.greenscale.daemon.config.PolicyFactory;
import io.greenscale.daemon.config.ScalerConfig;
import io.greenscale.daemon.loop.Daemon;
import io.greenscale.daemon.standin.StandInApiServer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A daemon built from a YAML text against a stand-in API server, ticked by hand on a fake clock.
 * Its decision log is captured line by line.
 */
public final class DaemonHarness implements AutoCloseable {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Daemon daemon;
    private final MutableClock clock;
    private final ByteArrayOutputStream decisions = new ByteArrayOutputStream();
    private int linesRead;

    private DaemonHarness(ScalerConfig config, StandInApiServer api, MutableClock clock) {
        this.clock = clock;
        this.daemon = Daemon.build(new Daemon.Parts(config, api.client(), new PrintStream(decisions, true, StandardCharsets.UTF_8), clock, false));
    }

    public static ScalerConfig config(String yaml) {
        return config(yaml, Map.of("POD_NAMESPACE", "greenscale", "POD_NAME", "scaler-0"));
    }

    @SuppressWarnings("unchecked")
    public static ScalerConfig config(String yaml, Map<String, String> env) {
        try {
            return new ConfigLoader(PolicyFactory.standard(), new Environment(env)).parse(YAML.readValue(yaml, Map.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DaemonHarness start(String yaml, StandInApiServer api) {
        return new DaemonHarness(config(yaml), api, MutableClock.atNow());
    }

    public static DaemonHarness start(ScalerConfig config, StandInApiServer api, MutableClock clock) {
        return new DaemonHarness(config, api, clock);
    }

    public Daemon daemon() {
        return daemon;
    }

    public MutableClock clock() {
        return clock;
    }

    /** Moves the clock on by {@code by}, ticks once, and returns the decision lines that tick wrote. */
    public List<JsonNode> tickAfter(Duration by) {
        Instant now = clock.advance(by);
        daemon.loop().tick(now);
        return newLines();
    }

    /** Ticks at the clock's current time. */
    public List<JsonNode> tick() {
        return tickAfter(Duration.ZERO);
    }

    public List<JsonNode> newLines() {
        String[] all = decisions.toString(StandardCharsets.UTF_8).split("\n");
        List<JsonNode> out = new ArrayList<>();
        for (int i = linesRead; i < all.length; i++) {
            if (!all[i].isBlank()) {
                try {
                    out.add(JSON.readTree(all[i]));
                } catch (IOException e) {
                    throw new UncheckedIOException("not a JSON line: " + all[i], e);
                }
            }
        }
        linesRead = all.length;
        return out;
    }

    /** The /metrics text as Prometheus would scrape it. */
    public String metrics() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrometheusTextFormatWriter.create().write(out, daemon.metrics().registry().scrape());
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of one sample line of /metrics, e.g. {@code greenscale_scaler_source_errors_total{kind="timeout",source="redis"}}; 0 when absent. */
    public double metric(String sample) {
        for (String line : metrics().split("\n")) {
            if (line.startsWith(sample + " ")) {
                return Double.parseDouble(line.substring(sample.length() + 1).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() {
        daemon.close();
    }
}
