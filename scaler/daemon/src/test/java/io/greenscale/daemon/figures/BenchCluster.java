package io.greenscale.daemon.figures;

import io.greenscale.daemon.standin.StandInApiServer;
import io.greenscale.daemon.standin.StandInPrometheus;
import io.greenscale.localservers.LocalRedis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * N workloads for the figures: Deployments {@code w-<i>} (2 ready pods each, with CPU usage) in
 * namespace {@code bench} on the stand-in API server, queues {@code jobs-<i>} with counters and
 * a busy worker in a real Redis, and a stand-in Prometheus answering the batched p95 query for
 * all of them. The scaler configuration gives every target queue, CPU (metrics.k8s.io) and p95
 * signals under GreenScale's policy.
 */
final class BenchCluster implements AutoCloseable {
    final int targets;
    final StandInApiServer api;
    final LocalRedis redis;
    final StandInPrometheus prometheus;

    BenchCluster(int targets) {
        this.targets = targets;
        api = StandInApiServer.start();
        redis = LocalRedis.start();
        List<Map<String, String>> series = new ArrayList<>();
        try (Jedis j = redis.connect()) {
            Pipeline p = j.pipelined();
            for (int i = 0; i < targets; i++) {
                String name = "w-" + i;
                api.resources().deployment("bench", name, 2);
                api.resources().reconcile("bench", name, 500L);
                api.resources().usage("bench", name + "-0", 200);
                api.resources().usage("bench", name + "-1", 250);
                series.add(Map.of("namespace", "bench", "app", name));
                String q = "jobs-" + i;
                p.set(q + ":stats:enqueued", "1000");
                p.set(q + ":stats:completed", "999");
                p.sadd(q + ":workers", name + "-0");
                p.lpush(q + ":processing:" + name + "-0", "{\"id\":\"x\"}");
            }
            p.sync();
        }
        prometheus = new StandInPrometheus(series, 0.4);
    }

    /** The scaler configuration for every workload. */
    String config(String kubeconfig, String extra) {
        StringBuilder yaml = new StringBuilder("""
                tick: 5s
                kubernetes: {%srequestTimeout: 5s, maxConcurrentRequests: 32}
                redis: {url: "redis://127.0.0.1:%d", timeout: 1s}
                prometheus: {url: "%s", timeout: 2s}
                %s
                defaults:
                  namespace: bench
                  policy:
                    minReplicas: 1
                    maxReplicas: 20
                    cpu: {target: 0.7}
                    latency: {slo: 1s}
                targets:
                """.formatted(kubeconfig == null ? "" : "kubeconfig: \"" + kubeconfig + "\", ", redis.port(), prometheus.url(), extra));
        for (int i = 0; i < targets; i++) {
            yaml.append("  - {scaleTargetRef: {name: w-").append(i).append("}, queue: {name: jobs-").append(i).append("}}\n");
        }
        return yaml.toString();
    }

    @Override
    public void close() {
        prometheus.close();
        redis.close();
        api.close();
    }
}
