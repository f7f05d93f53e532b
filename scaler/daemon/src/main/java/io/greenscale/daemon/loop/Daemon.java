package io.greenscale.daemon.loop;

import io.greenscale.daemon.config.QueueSpec;
import io.greenscale.daemon.config.ScalerConfig;
import io.greenscale.daemon.config.TargetConfig;
import io.greenscale.daemon.kube.KubeApi;
import io.greenscale.daemon.kube.KubeClients;
import io.greenscale.daemon.lead.LeaseLeadership;
import io.greenscale.daemon.lead.Leadership;
import io.greenscale.daemon.observe.DecisionLog;
import io.greenscale.daemon.observe.EventSink;
import io.greenscale.daemon.observe.Health;
import io.greenscale.daemon.observe.HttpEndpoints;
import io.greenscale.daemon.observe.KubeEvents;
import io.greenscale.daemon.observe.ScalerMetrics;
import io.greenscale.daemon.signal.Deadlines;
import io.greenscale.daemon.signal.KubePodMetrics;
import io.greenscale.daemon.signal.KubePods;
import io.greenscale.daemon.signal.PrometheusApi;
import io.greenscale.daemon.signal.QueueProbe;
import io.greenscale.daemon.signal.RedisClients;
import io.greenscale.daemon.signal.RedisListQueue;
import io.greenscale.daemon.signal.RedisStreamQueue;
import io.greenscale.daemon.signal.SignalGatherer;
import io.greenscale.daemon.signal.PodLister;
import io.greenscale.daemon.signal.UsageLister;
import io.greenscale.daemon.target.KubernetesScaleTarget;
import io.greenscale.daemon.target.ScaleTarget;
import io.greenscale.daemon.target.local.LocalWorkersTarget;
import io.kubernetes.client.openapi.ApiClient;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.PrintStream;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assembled daemon: sources, targets, loop, leader election, metrics and health endpoints,
 * decision log. {@link #close} is the graceful shutdown SIGTERM triggers.
 */
public final class Daemon implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    private final ScalerConfig config;
    private final ControlLoop loop;
    private final Leadership leadership;
    private final HttpEndpoints http;
    private final RedisClients redis;
    private final DecisionLog log;
    private final ScalerMetrics metrics;
    private final List<LocalWorkersTarget> locals;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private Daemon(ScalerConfig config, ControlLoop loop, Leadership leadership, HttpEndpoints http, RedisClients redis,
                   DecisionLog log, ScalerMetrics metrics, List<LocalWorkersTarget> locals) {
        this.config = config;
        this.loop = loop;
        this.leadership = leadership;
        this.http = http;
        this.redis = redis;
        this.log = log;
        this.metrics = metrics;
        this.locals = List.copyOf(locals);
    }

    /** What to build the daemon from; tests pass a client for the stand-in API server and their own clock. */
    public record Parts(ScalerConfig config, ApiClient kubernetes, PrintStream decisionOut, InstantSource clock, boolean jvmMetrics) {
    }

    /** Builds everything; the loop does not run until {@link #start}, and {@link #loop()} can tick by hand. */
    public static Daemon build(Parts parts) {
        ScalerConfig config = parts.config();
        PrometheusRegistry registry = new PrometheusRegistry();
        if (parts.jvmMetrics()) {
            JvmMetrics.builder().register(registry);
        }
        ScalerMetrics metrics = new ScalerMetrics(registry);
        KubeApi api = new KubeApi(KubeClients.tuned(parts.kubernetes(), config.kubernetes()),
                config.kubernetes().requestTimeout(), config.kubernetes().maxConcurrentRequests());
        DecisionLog log = new DecisionLog(config.decisionLog().stdout() ? parts.decisionOut() : null, config.decisionLog().file());
        EventSink events = config.kubernetes().events() ? new KubeEvents(api, config.leader().identity(), metrics) : EventSink.NONE;
        RedisClients redis = new RedisClients();
        PrometheusApi prometheus = new PrometheusApi(config.prometheus());
        Deadlines deadlines = Deadlines.of(redisTimeout(config), config.prometheus().timeout(), config.kubernetes().requestTimeout());
        KubePods pods = new KubePods(api);
        KubePodMetrics usage = new KubePodMetrics(api);
        Instant started = parts.clock().instant();
        List<TargetRunner> runners = new ArrayList<>();
        List<LocalWorkersTarget> locals = new ArrayList<>();
        for (TargetConfig t : config.targets()) {
            ScaleTarget target;
            PodLister podLister = pods;
            UsageLister usageLister = usage;
            EventSink sink = events;
            if (t.isLocal()) {
                // Worker processes on this machine: the target is also their pod list and their metrics-server.
                LocalWorkersTarget local = LocalWorkersTarget.of(t, parts.clock());
                locals.add(local);
                target = local;
                podLister = (namespace, selector) -> local.pods();
                usageLister = namespace -> local.usage();
                sink = EventSink.NONE;
            } else {
                target = new KubernetesScaleTarget(api, t.ref(), t.mode());
            }
            SignalGatherer gatherer = new SignalGatherer(t, queueProbe(t.queue(), redis), podLister, usageLister, prometheus, deadlines);
            runners.add(new TargetRunner(t, target, gatherer, new TargetRunner.Outputs(log, metrics, sink), started));
            metrics.targetConfigured(t.id(), t.mode().label(), t.policy().name());
        }
        Leadership leadership = config.leader().enabled()
                ? new LeaseLeadership(parts.kubernetes(), config.leader()).start()
                : Leadership.sole();
        Health health = new Health(parts.clock(), config.tick());
        HttpEndpoints http = config.server().enabled()
                ? new HttpEndpoints(config.server().address(), config.server().port(), registry, health) : null;
        ControlLoop loop = new ControlLoop(runners, leadership, metrics, health, parts.clock(), config.tick());
        return new Daemon(config, loop, leadership, http, redis, log, metrics, locals);
    }

    private static java.time.Duration redisTimeout(ScalerConfig config) {
        return config.targets().stream().filter(t -> t.queue() != null).map(t -> t.queue().redis().timeout())
                .max(java.time.Duration::compareTo).orElse(java.time.Duration.ofSeconds(1));
    }

    private static QueueProbe queueProbe(QueueSpec spec, RedisClients redis) {
        return switch (spec) {
            case null -> null;
            case QueueSpec.RedisList l -> new RedisListQueue(redis.client(l.redis()), l.redis(), l.name());
            case QueueSpec.RedisStream s -> new RedisStreamQueue(redis.client(s.redis()), s.redis(), s.stream(), s.group());
        };
    }

    public Daemon start() {
        locals.forEach(LocalWorkersTarget::start);
        loop.start();
        LOG.info("scaling {} target(s) every {}; metrics on :{}", config.targets().size(),
                io.greenscale.policy.config.Durations.format(config.tick()), http == null ? "off" : http.port());
        return this;
    }

    public ControlLoop loop() {
        return loop;
    }

    public ScalerMetrics metrics() {
        return metrics;
    }

    /** The local-process targets, in configuration order (none for a Kubernetes-only configuration). */
    public List<LocalWorkersTarget> localTargets() {
        return locals;
    }

    public Leadership leadership() {
        return leadership;
    }

    /** The port of /metrics, /healthz and /readyz, or -1 when they are off. */
    public int httpPort() {
        return http == null ? -1 : http.port();
    }

    /** Graceful shutdown: finish the tick in progress, release the Lease, stop serving, flush the log. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("shutting down: finishing the tick in progress (up to {})", io.greenscale.policy.config.Durations.format(config.shutdownGrace()));
        if (!loop.stop(config.shutdownGrace())) {
            LOG.warn("the tick in progress did not finish within {}; exiting anyway", config.shutdownGrace());
        }
        loop.close();
        locals.forEach(LocalWorkersTarget::close);
        leadership.close();
        if (http != null) {
            http.close();
        }
        redis.close();
        log.close();
        LOG.info("stopped");
    }
}
