package io.greenscale.daemon.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The whole validated configuration file.
 *
 * @param tick          how often the loop runs; each target decides at its policy's sync period,
 *                      on the first tick at or after it is due
 * @param shutdownGrace how long SIGTERM waits for the tick in progress to finish its writes
 * @param prometheus    the Prometheus HTTP API every Prometheus signal is read from
 */
public record ScalerConfig(
        Duration tick,
        Duration shutdownGrace,
        Settings.Kubernetes kubernetes,
        Settings.Server server,
        Settings.DecisionLog decisionLog,
        Settings.Leader leader,
        PrometheusConnection prometheus,
        List<TargetConfig> targets) {

    public ScalerConfig {
        Objects.requireNonNull(tick, "tick");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(kubernetes, "kubernetes");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(decisionLog, "decisionLog");
        Objects.requireNonNull(leader, "leader");
        Objects.requireNonNull(prometheus, "prometheus");
        targets = List.copyOf(targets);
    }
}
