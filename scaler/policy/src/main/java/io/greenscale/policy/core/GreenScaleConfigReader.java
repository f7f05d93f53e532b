package io.greenscale.policy.core;

import io.greenscale.policy.config.ConfigException;
import io.greenscale.policy.config.ConfigNode;
import io.greenscale.policy.config.ConfigProblems;
import io.greenscale.policy.config.Range;
import io.greenscale.policy.core.GreenScaleConfig.Burst;
import io.greenscale.policy.core.GreenScaleConfig.Cpu;
import io.greenscale.policy.core.GreenScaleConfig.Forecast;
import io.greenscale.policy.core.GreenScaleConfig.Gpu;
import io.greenscale.policy.core.GreenScaleConfig.GpuRole;
import io.greenscale.policy.core.GreenScaleConfig.Latency;
import io.greenscale.policy.core.GreenScaleConfig.Queue;
import io.greenscale.policy.core.GreenScaleConfig.Recurring;
import io.greenscale.policy.core.GreenScaleConfig.ScaleDown;
import io.greenscale.policy.core.GreenScaleConfig.ScaleToZero;
import io.greenscale.policy.core.GreenScaleConfig.ScaleUp;
import io.greenscale.policy.limit.SelectPolicy;
import io.greenscale.policy.limit.StepPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a GreenScale policy section into a validated {@link GreenScaleConfig}. Every problem names
 * the key, the value and what is allowed; all of them are collected before failing. The defaults
 * are the ones documented in {@code scaler/policy/examples/policy.yaml}.
 */
public final class GreenScaleConfigReader {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration MAX_PERIOD = Duration.ofMinutes(30);

    private GreenScaleConfigReader() {}

    /** All defaults: the configuration of {@code policy.yaml} with nothing overridden. */
    public static GreenScaleConfig defaults() {
        return parse(Map.of(), "policy");
    }

    /** Parses a whole section; throws {@link ConfigException} listing every problem. */
    public static GreenScaleConfig parse(Map<String, ?> section, String path) {
        ConfigProblems problems = new ConfigProblems();
        ConfigNode node = ConfigNode.root(section, path, problems);
        node.string("type", "greenscale");
        GreenScaleConfig config = read(node);
        node.finish();
        problems.throwIfAny();
        return config;
    }

    /** Reads {@code node}, recording problems in the node's {@link ConfigProblems}; the caller calls finish(). */
    public static GreenScaleConfig read(ConfigNode node) {
        Duration tick = node.duration("tick", Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMinutes(10));
        int max = node.integer("maxReplicas", 10, 1, 100_000);
        int min = node.integer("minReplicas", 1, 1, 100_000);
        if (min > max) {
            node.problems().add(node.keyPath("minReplicas"), min, "must be <= maxReplicas (" + max + ")");
            min = max;
        }
        if (node.has("minReplicas") && Integer.valueOf(0).equals(node.raw("minReplicas"))) {
            node.problems().add("(to scale to zero, keep minReplicas >= 1 and set " + node.keyPath("scaleToZero.enabled") + ": true)");
        }
        Duration staleAfter = node.duration("staleAfter", Duration.ofSeconds(30), Duration.ofSeconds(1), HOUR);
        if (staleAfter.compareTo(tick) < 0) {
            node.problems().add(node.keyPath("staleAfter"), node.raw("staleAfter"), "must be at least tick (" + tick.toSeconds() + "s)");
        }
        Duration coldStart = node.duration("coldStart", Duration.ofSeconds(60), Duration.ZERO, HOUR);
        int concurrency = node.integer("concurrencyPerReplica", 1, 1, 10_000);
        double tolerance = node.number("tolerance", 0.1, new Range(0, true, 1, false));

        Queue queue = queue(node.child("queue"));
        Cpu cpu = cpu(node.child("cpu"));
        Gpu gpu = gpu(node.child("gpu"));
        Latency latency = latency(node.child("latency"));
        Forecast forecast = forecast(node.child("forecast"));
        Recurring recurrence = recurrence(node.child("recurrence"));
        ScaleUp up = scaleUp(node.child("scaleUp"));
        ScaleDown down = scaleDown(node.child("scaleDown"));
        Burst burst = burst(node.child("burst"));
        ScaleToZero zero = scaleToZero(node.child("scaleToZero"));

        if (!queue.enabled() && !cpu.enabled() && !gpu.enabled() && !latency.enabled()) {
            node.problems().add(node.path() + ": no signal is enabled; enable at least one of queue, cpu, gpu, latency");
        }
        return new GreenScaleConfig(tick, min, max, staleAfter, coldStart, concurrency, tolerance,
                queue, cpu, gpu, latency, forecast, recurrence, up, down, burst, zero);
    }

    private static Queue queue(ConfigNode n) {
        boolean enabled = n.bool("enabled", true);
        Duration drain = n.duration("drainTarget", Duration.ofSeconds(30), Duration.ofSeconds(1), HOUR);
        double payback = n.number("surgePayback", 1.0, Range.closed(0, 10));
        double rate = n.number("perReplicaRate", 1.0, Range.above(0));
        double util = "auto".equals(n.raw("utilizationTarget")) ? Double.NaN
                : n.fraction("utilizationTarget", Double.NaN, Range.openClosed(0, 1));
        double missBudget = n.fraction("missBudget", 0.03, Range.openClosed(0, 0.5));
        boolean shared = n.bool("sharedQueue", true);
        ConfigNode learn = n.child("learn");
        double alpha = learn.number("alpha", 0.2, Range.closed(0, 1));
        double minFactor = learn.number("minFactor", 0.05, Range.openClosed(0, 1));
        double maxFactor = learn.number("maxFactor", 20, Range.atLeast(1));
        return new Queue(enabled, drain, payback, rate, util, missBudget, shared, alpha, minFactor, maxFactor);
    }

    private static Cpu cpu(ConfigNode n) {
        boolean enabled = n.bool("enabled", n.has("target"));
        double target = n.fraction("target", 0.7, Range.openClosed(0, 10));
        double alphaUp = n.number("alphaUp", 0.6, Range.openClosed(0, 1));
        double alphaDown = n.number("alphaDown", 0.2, Range.openClosed(0, 1));
        double tolerance = n.number("tolerance", 0.1, new Range(0, true, 1, false));
        return new Cpu(enabled, target, alphaUp, alphaDown, tolerance);
    }

    private static Gpu gpu(ConfigNode n) {
        boolean enabled = n.bool("enabled", n.has("target"));
        double target = n.fraction("target", 0.85, Range.openClosed(0, 1));
        double tolerance = n.number("tolerance", 0.1, new Range(0, true, 1, false));
        GpuRole role = n.choice("role", GpuRole.AUTO, GpuRole.class);
        return new Gpu(enabled, target, tolerance, role);
    }

    private static Latency latency(ConfigNode n) {
        boolean hasSlo = n.has("slo");
        boolean enabled = n.bool("enabled", hasSlo);
        Duration slo = n.duration("slo", Duration.ofMillis(500), Duration.ofMillis(1), HOUR);
        if (enabled && !hasSlo) {
            n.problems().add(n.keyPath("slo") + ": is required when latency is enabled (e.g. slo: 500ms)");
        }
        double tolerance = n.number("tolerance", 0.1, new Range(0, true, 1, false));
        double maxStep = n.number("maxStepFactor", 1.5, Range.closed(1, 10));
        Duration settle = n.duration("settle", Duration.ofSeconds(90), Duration.ZERO, HOUR);
        return new Latency(enabled, slo, tolerance, maxStep, settle);
    }

    private static Recurring recurrence(ConfigNode n) {
        boolean enabled = n.bool("enabled", true);
        double minRise = n.number("minRise", 1.5, Range.above(1));
        int confirmations = n.integer("confirmations", 2, 1, 10);
        double tolerance = n.fraction("tolerance", 0.05, Range.openClosed(0, 0.5));
        return new Recurring(enabled, minRise, confirmations, tolerance);
    }

    /** A horizon of null means the default: the learned cold start plus the queue's drain target. */
    private static Forecast forecast(ConfigNode n) {
        boolean enabled = n.bool("enabled", true);
        double alpha = n.number("alpha", 0.3, Range.openClosed(0, 1));
        double beta = n.number("beta", 0.05, Range.closed(0, 1));
        double shift = n.number("shiftThreshold", 4, Range.atLeast(0));
        Duration horizon = n.duration("horizon", null, Duration.ZERO, HOUR);
        return new Forecast(enabled, alpha, beta, shift, horizon);
    }

    private static ScaleUp scaleUp(ConfigNode n) {
        Duration window = n.duration("stabilizationWindow", Duration.ZERO, Duration.ZERO, HOUR);
        Duration cooldown = n.duration("cooldown", Duration.ZERO, Duration.ZERO, HOUR);
        SelectPolicy select = n.choice("select", SelectPolicy.MAX, SelectPolicy.class);
        List<StepPolicy> policies = policies(n, List.of(
                StepPolicy.percent(100, Duration.ofSeconds(15)), StepPolicy.pods(4, Duration.ofSeconds(15))));
        int streak = n.integer("maxConsecutiveSteps", 0, 0, 1000);
        Duration settle = n.duration("settle", Duration.ofSeconds(60), Duration.ZERO, HOUR);
        return new ScaleUp(window, cooldown, select, policies, streak, settle);
    }

    private static ScaleDown scaleDown(ConfigNode n) {
        Duration window = n.duration("stabilizationWindow", Duration.ofSeconds(90), Duration.ZERO, HOUR);
        Duration cooldown = n.duration("cooldown", Duration.ofSeconds(30), Duration.ZERO, HOUR);
        SelectPolicy select = n.choice("select", SelectPolicy.MAX, SelectPolicy.class);
        List<StepPolicy> policies = policies(n, List.of(StepPolicy.percent(100, Duration.ofSeconds(60))));
        int streak = n.integer("maxConsecutiveSteps", 0, 0, 1000);
        Duration settle = n.duration("settle", Duration.ofSeconds(120), Duration.ZERO, HOUR);
        return new ScaleDown(window, cooldown, select, policies, streak, settle);
    }

    private static List<StepPolicy> policies(ConfigNode n, List<StepPolicy> defaults) {
        if (!n.has("policies")) {
            return defaults;
        }
        List<ConfigNode> items = n.list("policies");
        if (items.isEmpty()) {
            n.problems().add(n.keyPath("policies"), "[]", "must list at least one policy (use select: disabled to forbid changes)");
            return defaults;
        }
        List<StepPolicy> policies = new ArrayList<>();
        for (ConfigNode item : items) {
            StepPolicy.Kind kind = item.choice("type", StepPolicy.Kind.PERCENT, StepPolicy.Kind.class);
            if (!item.has("type")) {
                item.problems().add(item.keyPath("type") + ": is required (pods or percent)");
            }
            double value = kind == StepPolicy.Kind.PODS
                    ? item.integer("value", 1, 1, 100_000)
                    : item.number("value", 100, Range.openClosed(0, 100_000));
            Duration period = item.duration("period", Duration.ofSeconds(15), Duration.ofSeconds(1), MAX_PERIOD);
            policies.add(new StepPolicy(kind, value, period));
        }
        return policies;
    }

    private static Burst burst(ConfigNode n) {
        boolean enabled = n.bool("enabled", true);
        Duration drainTime = n.duration("backlogDrainTime", Duration.ofSeconds(10), Duration.ofSeconds(1), HOUR);
        double p95Factor = n.number("p95Factor", 2.0, Range.closed(1, 100));
        return new Burst(enabled, drainTime, p95Factor);
    }

    private static ScaleToZero scaleToZero(ConfigNode n) {
        boolean enabled = n.bool("enabled", false);
        Duration idle = n.duration("idleAfter", Duration.ofMinutes(1), Duration.ZERO, Duration.ofHours(24));
        return new ScaleToZero(enabled, idle);
    }
}
