package io.greenscale.daemon.target.local;

import io.greenscale.daemon.config.LocalSpec;
import io.greenscale.daemon.config.RedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line of one worker: the app's command, then the queue-worker options that make it
 * a replica of this target (docs/inference-app.md), then the spec's extra arguments. Pure.
 */
final class WorkerCommand {
    /** The app finishes its jobs within its own grace, this much before the target's SIGKILL, so it can give back the rest. */
    static final Duration GIVE_BACK_MARGIN = Duration.ofSeconds(2);

    private WorkerCommand() {}

    static List<String> of(LocalSpec spec, String workerId, int port, RedisConnection redis, String queue) {
        List<String> argv = new ArrayList<>(spec.command());
        argv.addAll(List.of(
                "--mode", "worker",
                "--port", Integer.toString(port),
                "--worker-id", workerId,
                "--redis", "redis://" + redis.host() + ":" + redis.port() + "/" + redis.database(),
                "--queue", queue,
                "--concurrency", Integer.toString(spec.concurrency()),
                "--model-load-delay", millis(spec.coldStart()),
                "--service-time-min", millis(spec.serviceTimeMin()),
                "--service-time-scale", String.format(Locale.ROOT, "%s", spec.serviceTimeScale()),
                "--shutdown-grace", millis(appGrace(spec.terminationGrace()))));
        argv.addAll(spec.args());
        return argv;
    }

    /** The app's own drain deadline: the termination grace less the margin, never negative. */
    static Duration appGrace(Duration terminationGrace) {
        Duration d = terminationGrace.minus(GIVE_BACK_MARGIN);
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static String millis(Duration d) {
        return d.toMillis() + "ms";
    }
}
