package io.greenscale.analysis.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real scaler as a child process ({@code greenscale scaler run --config ... --owner-pid <this>}):
 * it starts and stops the workers, so stopping it gracefully (SIGTERM) drains them; should this
 * process die first, the scaler sees its owner gone and shuts down by itself.
 */
final class ScalerProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    private final Process process;
    private final int metricsPort;
    private final Path log;
    private final Duration stopWithin;

    private ScalerProcess(Process process, int metricsPort, Path log, Duration stopWithin) {
        this.process = process;
        this.metricsPort = metricsPort;
        this.log = log;
        this.stopWithin = stopWithin;
    }

    /**
     * @param stopWithin how long a graceful stop may take: the scaler's tick grace plus the workers' termination grace
     */
    static ScalerProcess start(Launcher launcher, Path config, Path log, int metricsPort, String javaOptions, Duration stopWithin) {
        List<String> argv = launcher.command("scaler", "run", "--config", config.toString(),
                "--owner-pid", Long.toString(ProcessHandle.current().pid()));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("GS_HOME", launcher.home().toString());
        pb.environment().put("GS_JAVA_OPTS", javaOptions);
        try {
            return new ScalerProcess(pb.start(), metricsPort, log, stopWithin);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the scaler (" + String.join(" ", argv) + ")", e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit status once it has exited, else -1. */
    int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** Its {@code /readyz} answers 200: it has completed its first tick. */
    boolean ready() {
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/readyz")).timeout(Duration.ofSeconds(1)).build();
            return HTTP.send(r, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    int metricsPort() {
        return metricsPort;
    }

    /** The last lines of its log, for an error message. */
    String logTail(int lines) {
        try {
            List<String> all = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(" + log + " unreadable: " + e.getMessage() + ")";
        }
    }

    Path log() {
        return log;
    }

    /** SIGTERM (the scaler stops its workers, each within its grace), SIGKILL if it has not exited within {@code stopWithin}. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(stopWithin.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
