package io.greenscale.analysis.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.greenscale.analysis.sim.ClusterModel.Cost;
import io.greenscale.analysis.sim.ClusterModel.Dispatch;
import io.greenscale.analysis.sim.ClusterModel.Distribution;
import io.greenscale.analysis.sim.ClusterModel.Lifecycle;
import io.greenscale.analysis.sim.ClusterModel.Limits;
import io.greenscale.analysis.sim.ClusterModel.MetricsPipeline;
import io.greenscale.analysis.sim.ClusterModel.Resources;
import io.greenscale.analysis.sim.ClusterModel.Service;
import io.greenscale.policy.config.ConfigException;
import io.greenscale.policy.config.ConfigNode;
import io.greenscale.policy.config.ConfigProblems;
import io.greenscale.policy.config.Range;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Reads a cluster model from a YAML tree; every key is optional and documented with its default
 * in {@code analysis/examples/cluster.yaml}. Problems name key, value and allowed range.
 */
public final class ClusterModelReader {
    private static final Duration HOUR = Duration.ofHours(1);

    private ClusterModelReader() {}

    public static ClusterModel defaults() {
        return parse(Map.of(), "cluster");
    }

    public static ClusterModel parse(Map<String, ?> tree, String path) {
        ConfigProblems problems = new ConfigProblems();
        ConfigNode node = ConfigNode.root(tree, path, problems);
        ClusterModel model = read(node, defaults(null));
        node.finish();
        problems.throwIfAny();
        return model;
    }

    /** Reads a cluster-model YAML file (e.g. one {@code calibrate} wrote); every problem names key, value and range. */
    public static ClusterModel readFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(List.of(file + ": no such file"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Map.class);
        return parse(tree == null ? Map.of() : tree, "cluster");
    }

    /** Reads {@code node} over {@code base} (a scenario's model): only the keys present change. */
    public static ClusterModel read(ConfigNode node, ClusterModel base) {
        ClusterModel b = base == null ? defaults(null) : base;
        Dispatch dispatch = node.choice("dispatch", b.dispatch(), Dispatch.class);

        ConfigNode s = node.child("service");
        Service bs = b.service();
        Service service = new Service(
                s.duration("base", bs.base(), Duration.ZERO, HOUR),
                s.duration("perInputToken", bs.perInputToken(), Duration.ZERO, Duration.ofSeconds(10)),
                s.duration("perOutputToken", bs.perOutputToken(), Duration.ZERO, Duration.ofSeconds(10)),
                s.choice("distribution", bs.distribution(), Distribution.class),
                s.number("cv", bs.cv(), Range.closed(0, 5)),
                s.integer("concurrency", bs.concurrency(), 1, 10_000),
                s.integer("maxBatch", bs.maxBatch(), 1, 10_000),
                s.integer("defaultInputTokens", bs.defaultInputTokens(), 0, 10_000_000),
                s.integer("defaultOutputTokens", bs.defaultOutputTokens(), 0, 10_000_000));
        if (service.meanSecondsAtDefaultSize() <= 0) {
            s.problems().add(s.path() + ": a request of the default size takes no time; set base or the token costs above 0");
        }

        ConfigNode l = node.child("lifecycle");
        Lifecycle bl = b.lifecycle();
        Lifecycle lifecycle = new Lifecycle(
                l.duration("schedulingDelay", bl.schedulingDelay(), Duration.ZERO, HOUR),
                l.duration("coldStart", bl.coldStart(), Duration.ZERO, HOUR),
                l.number("coldStartJitter", bl.coldStartJitter(), new Range(0, true, 1, false)),
                l.duration("terminationGrace", bl.terminationGrace(), Duration.ZERO, HOUR));

        ConfigNode r = node.child("resources");
        Resources br = b.resources();
        Resources resources = new Resources(
                r.number("cpuRequest", br.cpuRequest(), Range.above(0)),
                r.number("cpuIdle", br.cpuIdle(), Range.atLeast(0)),
                r.number("cpuPerBusySlot", br.cpuPerBusySlot(), Range.atLeast(0)),
                r.number("cpuStartup", br.cpuStartup(), Range.atLeast(0)),
                r.integer("gpusPerReplica", br.gpusPerReplica(), 0, 64));

        ConfigNode m = node.child("metrics");
        MetricsPipeline bm = b.metrics();
        MetricsPipeline metrics = new MetricsPipeline(
                m.duration("metricsServerResolution", bm.metricsServerResolution(), Duration.ofSeconds(1), Duration.ofMinutes(5)),
                m.duration("scrapeInterval", bm.scrapeInterval(), Duration.ofSeconds(1), Duration.ofMinutes(5)),
                m.duration("latencyWindow", bm.latencyWindow(), Duration.ofSeconds(1), Duration.ofMinutes(30)),
                m.duration("rateWindow", bm.rateWindow(), Duration.ofSeconds(1), Duration.ofMinutes(30)));

        ConfigNode lim = node.child("limits");
        Limits limits = new Limits(
                lim.integer("maxQueuePerReplica", b.limits().maxQueuePerReplica(), 0, 10_000_000),
                lim.duration("requestTimeout", b.limits().requestTimeout(), Duration.ZERO, HOUR));

        ConfigNode c = node.child("cost");
        Cost cost = new Cost(c.number("pricePerGpuHour", b.cost().pricePerGpuHour(), Range.atLeast(0)),
                c.has("pricePerReplicaHour") ? c.number("pricePerReplicaHour", 0, Range.atLeast(0)) : b.cost().pricePerReplicaHour());
        return new ClusterModel(dispatch, service, lifecycle, resources, metrics, limits, cost);
    }

    /** The documented defaults: a GPU inference server behind a Redis work queue. */
    private static ClusterModel defaults(Void unused) {
        return new ClusterModel(
                Dispatch.QUEUE,
                new Service(Duration.ofMillis(250), Duration.ZERO, Duration.ZERO, Distribution.LOGNORMAL, 0.3, 4, 1, 0, 0),
                new Lifecycle(Duration.ofSeconds(3), Duration.ofSeconds(90), 0.1, Duration.ofSeconds(30)),
                new Resources(2.0, 0.05, 0.08, 1.2, 1),
                new MetricsPipeline(Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofSeconds(60)),
                new Limits(0, Duration.ZERO),
                new Cost(2.5, Double.NaN));
    }
}
