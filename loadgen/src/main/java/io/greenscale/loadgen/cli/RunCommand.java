package io.greenscale.loadgen.cli;

import io.greenscale.loadgen.drive.BodyTemplate;
import io.greenscale.loadgen.drive.HttpTarget;
import io.greenscale.loadgen.drive.LoadRun;
import io.greenscale.loadgen.drive.RedisQueueTarget;
import io.greenscale.loadgen.drive.Target;
import io.greenscale.loadgen.drive.TargetUnreachableException;
import io.greenscale.loadgen.record.RunDirectory;
import io.greenscale.loadgen.record.RunInfo;
import io.greenscale.policy.config.ConfigException;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code loadgen run}: one load run against an HTTP endpoint or a Redis queue, into a run directory. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Send load at a scheduled arrival rate and measure latency from each request's intended send time.",
                "Exit codes: 0 done, 1 the target could not be reached at all, 2 usage or input error."},
        footer = {"", "Examples:",
                "  loadgen run --target http://127.0.0.1:8080/v1/infer --rate 200 --duration 60s --body '{\"n\":256}'",
                "  loadgen run --target http://127.0.0.1:8080/ --profile ramp -P from=10 -P to=500 --duration 5m",
                "  loadgen run --target redis://127.0.0.1:6379/jobs --profile step --arrivals uniform",
                "  loadgen run --target http://127.0.0.1:8080/ --trace day.csv --time-scale 0.01 --rate-scale 0.01 \\",
                "              --body '{\"inputs\": [[{input_tokens}]]}'",
                "  loadgen run --target http://127.0.0.1:8080/ --closed-loop --users 32 --think 100ms --duration 60s"})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--target", required = true, paramLabel = "URL",
            description = "http(s)://host:port/path, or redis://host:port/queue-name (the queue protocol's producer).")
    String target;

    @Option(names = "--profile", paramLabel = "NAME|FILE", description = {
            "constant (default), step, ramp, burst, sine, diurnal or spike, with --rate/--duration/-P;",
            "or a built-in workload (step, ramp, bursty, spike, diurnal), or a YAML profile or trace file."})
    String profile;

    @Option(names = "--rate", paramLabel = "PER_SECOND", description = "Rate of the constant profile, requests per second.")
    Double rate;

    @Option(names = "--duration", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "How long to run (profiles given by name), or a cut-off for files and traces, e.g. 60s, 5m.")
    Duration duration;

    @Option(names = {"-P", "--param"}, paramLabel = "KEY=VALUE",
            description = "A profile parameter, e.g. -P from=10 -P to=500 (ramp); see docs/loadgen.md.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--profile-file", paramLabel = "FILE", description = "A YAML profile (may chain segments) or a trace file.")
    Path profileFile;

    @Option(names = "--trace", paramLabel = "FILE",
            description = "Replay a trace's exact requests: t_ms,... per request; t_s,requests counts; or one rate per line.")
    Path trace;

    @Option(names = "--arrivals", defaultValue = "poisson", description = "poisson (default) or uniform.")
    Arrival arrivals;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the arrival process (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--rate-scale", defaultValue = "1", description = "Multiply every rate (a trace is thinned or its requests repeated).")
    double rateScale;

    @Option(names = "--time-scale", defaultValue = "1",
            description = "Stretch time: 0.5 plays the workload in half the time, twice as fast (fast-forward).")
    double timeScale;

    @Option(names = "--method", description = "HTTP method (default: POST with a body, GET without).")
    String method;

    @Option(names = {"--body", "--job"}, paramLabel = "JSON", description = {
            "HTTP body or Redis job fields; {column} placeholders take a trace's columns, {seq} and {t_ms}.",
            "Redis default: {\"kind\":\"matmul\",\"n\":256,\"iterations\":1}."})
    String body;

    @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'", description = "An HTTP header (repeatable).")
    List<String> headers = new ArrayList<>();

    @Option(names = "--connections", paramLabel = "N",
            description = "Requests in flight at most (HTTP default 64; Redis default: no limit, jobs wait in the queue).")
    Integer connections;

    @Option(names = "--threads", paramLabel = "N",
            description = {"HTTP: event-loop threads, each sending and receiving on an equal share of the connections",
                    "(default 2, or 1 on a single CPU; at most --connections)."})
    Integer threads;

    @Option(names = "--timeout", defaultValue = "5s", converter = DurationConverter.class,
            description = "A request's (or job's) timeout (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--max-queue", defaultValue = "1000000", paramLabel = "N",
            description = "Requests waiting for a free connection at most; more are dropped and counted (default ${DEFAULT-VALUE}).")
    long maxQueue;

    @Option(names = "--warmup", defaultValue = "0s", converter = DurationConverter.class,
            description = {"Unrecorded traffic before the run (uniform, at the workload's starting rate), so that the JIT",
                    "and the connections are warm when measuring starts, e.g. 5s (default: none)."})
    Duration warmup;

    @Option(names = "--closed-loop", description = "Closed loop instead: users wait for each response (hides stalls; for comparison).")
    boolean closedLoop;

    @Option(names = "--users", defaultValue = "32", description = "Closed loop: virtual users (default ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--think", defaultValue = "0s", converter = DurationConverter.class,
            description = "Closed loop: pause between a response and the user's next request (default ${DEFAULT-VALUE}).")
    Duration think;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default runs/loadgen-<UTC time>).")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No progress line every second.")
    boolean quiet;

    enum Arrival { POISSON, UNIFORM }

    @Override
    public Integer call() throws InterruptedException {
        InstantSource wall = InstantSource.system();
        URI uri = targetUri();
        boolean redis = "redis".equals(uri.getScheme());
        Workload workload;
        try {
            workload = Workload.choose(this);
        } catch (ConfigException e) {
            throw new ParameterException(spec.commandLine(), String.join("\n", e.problems()));
        }
        if (closedLoop && workload.duration() == null) {
            throw usage("--closed-loop needs --duration");
        }
        if (connections != null && connections < 1) {
            throw usage("--connections " + connections + ": must be at least 1");
        }
        int httpConnections = connections == null ? 64 : connections;
        if (threads != null && (threads < 1 || threads > httpConnections)) {
            throw usage("--threads " + threads + ": must be in [1, " + httpConnections + "] (each thread owns at least one connection)");
        }
        int ioThreads = threads != null ? threads
                : Math.min(Math.min(2, Runtime.getRuntime().availableProcessors()), httpConnections);
        BodyTemplate template = template(redis, workload.columns());
        LoadRun.Plan plan = closedLoop
                ? new LoadRun.Closed(users, think, workload.duration(), template)
                : new LoadRun.Open(workload.arrivals(), workload.duration(), template);
        PrintStream err = System.err;
        try (Target t = redis ? RedisQueueTarget.fromUri(uri, timeout, wall)
                : new HttpTarget(uri, httpMethod(), headerPairs(), timeout, httpConnections, ioThreads)) {
            try {
                t.probe();
            } catch (TargetUnreachableException e) {
                err.println("loadgen: target unreachable: " + e.getMessage());
                return 1;
            }
            Instant start = wall.instant();
            RunDirectory dir = RunDirectory.create(out != null ? out : RunDirectory.defaultPath(RunInfo.Kind.LOADGEN, start));
            RunInfo info = RunInfo.of(RunInfo.Kind.LOADGEN, start).seed(seed).workload(workload.describe(this))
                    .target(t.describe()).closedLoop(closedLoop)
                    .put("warmup_s", warmup.toNanos() / 1e9)
                    .put("limits", Map.of("connections", connections == null ? (redis ? -1 : 64) : connections,
                            "max_queue", maxQueue, "timeout_s", timeout.toNanos() / 1e9));
            err.println("loadgen: " + SummaryTable.mode(closedLoop, users, think, arrivals.name().toLowerCase(java.util.Locale.ROOT))
                    + " against " + uri + " for " + SummaryTable.seconds(workload.duration()) + " → " + dir.path());
            int limit = connections != null ? connections : redis ? Integer.MAX_VALUE : 64;
            if (!warmup.isZero()) {
                err.println("loadgen: warming up for " + SummaryTable.seconds(warmup) + (closedLoop ? ""
                        : String.format(java.util.Locale.ROOT, " at %.1f/s", workload.startRatePerSecond())) + " (not recorded)");
            }
            LoadRun.Result result = LoadRun.execute(plan, t, new LoadRun.Limits(limit, maxQueue, timeout),
                    new LoadRun.Warmup(warmup, workload.startRatePerSecond()), dir, info, quiet ? null : err, wall);
            SummaryTable.print(System.out, result.summary(), uri.toString(), dir.path(), closedLoop, users, think);
            if (!result.reached()) {
                err.println("loadgen: the target never answered (" + result.summary().errorsByKind() + ")");
                return 1;
            }
            return 0;
        }
    }

    private URI targetUri() {
        try {
            URI uri = new URI(target);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !List.of("http", "https", "redis").contains(uri.getScheme())) {
                throw usage("--target " + target + ": expected http://host:port/path or redis://host:port/queue");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw usage("--target " + target + ": not a URL (" + e.getMessage() + ")");
        }
    }

    private BodyTemplate template(boolean redis, List<String> columns) {
        String text = body != null ? body : redis ? "{\"kind\":\"matmul\",\"n\":256,\"iterations\":1}" : null;
        if (text == null) {
            return null;
        }
        if (closedLoop && !columns.isEmpty()) {
            throw usage("--closed-loop does not replay traces; column placeholders have no values");
        }
        String trimmed = text.strip();
        boolean json = redis || trimmed.startsWith("{") || trimmed.startsWith("[");
        try {
            BodyTemplate t = BodyTemplate.parse(text, columns, json);
            if (redis && !trimmed.startsWith("{")) {
                throw usage("--job must be a JSON object, e.g. {\"kind\":\"matmul\",\"n\":256}");
            }
            return t;
        } catch (IllegalArgumentException e) {
            throw usage("--body: " + e.getMessage());
        }
    }

    private String httpMethod() {
        return method != null ? method.toUpperCase(java.util.Locale.ROOT) : body != null ? "POST" : "GET";
    }

    private List<String> headerPairs() {
        List<String> pairs = new ArrayList<>();
        boolean contentType = false;
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw usage("--header " + h + ": expected 'Name: value'");
            }
            String name = h.substring(0, colon).strip();
            String value = h.substring(colon + 1).strip();
            try {
                new DefaultHttpHeaders().add(name, value); // HTTP's rules for names and values
            } catch (IllegalArgumentException e) {
                throw usage("--header " + h + ": " + e.getMessage());
            }
            contentType |= name.equalsIgnoreCase("content-type");
            pairs.add(name);
            pairs.add(value);
        }
        if (!contentType && body != null) {
            pairs.add("Content-Type");
            pairs.add("application/json");
        }
        return pairs;
    }

    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
