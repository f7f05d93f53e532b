package io.greenscale.analysis.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.greenscale.analysis.sim.ClusterModel;
import io.greenscale.analysis.sim.ClusterModelReader;
import io.greenscale.loadgen.profile.ProfileSpec;
import io.greenscale.loadgen.profile.Trace;
import io.greenscale.loadgen.profile.TraceReader;
import io.greenscale.policy.config.ConfigNode;
import io.greenscale.policy.config.ConfigProblems;
import io.greenscale.policy.config.Range;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a scenario from YAML: name, title, description, duration, slo, replicas {min, max,
 * initial}, events, a workload (a loadgen profile spec: arrivals are Poisson from the run's seed)
 * or a trace (a bundled resource or a file, replayed with rate and time scales), and cluster-model
 * overrides. Problems name key, value and allowed range.
 */
public final class ScenarioReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ScenarioReader() {}

    public static Scenario resource(String name) {
        String path = "/io/greenscale/analysis/scenarios/" + name + ".yaml";
        try (InputStream in = ScenarioReader.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no built-in scenario " + name);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> tree = YAML.readValue(in, Map.class);
            return parse(tree, name, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in scenario " + name, e);
        }
    }

    public static Scenario parse(Map<String, ?> tree, String path, Path baseDir) {
        ConfigProblems problems = new ConfigProblems();
        ConfigNode node = ConfigNode.root(tree, path, problems);
        String name = node.requiredString("name");
        String title = node.string("title", name);
        String description = node.string("description", "");
        Duration duration = node.duration("duration", Duration.ofMinutes(30), Duration.ofSeconds(10), Duration.ofDays(2));
        Duration slo = node.duration("slo", Duration.ofSeconds(1), Duration.ofMillis(1), Duration.ofHours(1));
        ConfigNode replicas = node.child("replicas");
        int max = replicas.integer("max", 20, 1, 100_000);
        int min = replicas.integer("min", 1, 0, max);
        int initial = replicas.integer("initial", Math.max(min, 1), min, max);
        List<Scenario.Event> events = new ArrayList<>();
        for (ConfigNode e : node.list("events")) {
            events.add(new Scenario.Event(e.duration("at", Duration.ZERO, Duration.ZERO, duration), e.string("kind", "load_step")));
        }
        ClusterModel cluster = ClusterModelReader.read(node.child("cluster"), null);
        WorkloadSource workload = workload(node, baseDir);
        node.finish();
        problems.throwIfAny();
        return new Scenario(name, title, description, cluster, workload, duration, min, max, initial, slo, events);
    }

    private static WorkloadSource workload(ConfigNode node, Path baseDir) {
        if (node.has("trace")) {
            ConfigNode t = node.child("trace");
            Trace trace = t.has("resource") ? bundledTrace(t.requiredString("resource")) : TraceReader.read(resolve(baseDir, t.requiredString("file")));
            double rateScale = t.number("rateScale", 1, Range.above(0));
            double timeScale = t.number("timeScale", 1, Range.above(0));
            return new WorkloadSource.TraceSource(trace, rateScale, timeScale);
        }
        if (!node.has("workload") || !(node.raw("workload") instanceof Map<?, ?>)) {
            node.problems().add(node.path() + ": needs a workload (a profile section) or a trace");
            return new WorkloadSource.ProfileSource(new io.greenscale.loadgen.profile.ConstantProfile(0, Duration.ofSeconds(1)));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) node.raw("workload");
        try {
            return new WorkloadSource.ProfileSource(ProfileSpec.read(map, node.keyPath("workload"), baseDir));
        } catch (io.greenscale.policy.config.ConfigException e) {
            e.problems().forEach(node.problems()::add);
            return new WorkloadSource.ProfileSource(new io.greenscale.loadgen.profile.ConstantProfile(0, Duration.ofSeconds(1)));
        }
    }

    private static Path resolve(Path baseDir, String file) {
        Path p = Path.of(file);
        return baseDir == null || p.isAbsolute() ? p : baseDir.resolve(p);
    }

    /** Traces ship inside the jar; the trace reader takes files, so a bundled one is copied out once. */
    private static Trace bundledTrace(String resource) {
        String path = "/io/greenscale/analysis/traces/" + resource;
        try (InputStream in = ScenarioReader.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled trace " + resource);
            }
            Path tmp = Files.createTempFile("greenscale-trace-", "-" + resource);
            try {
                Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return TraceReader.read(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled trace " + resource, e);
        }
    }
}
