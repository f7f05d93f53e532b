package io.greenscale.daemon.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code greenscale scaler run} as its own process (a JVM from this test's classpath), as a container runs it. */
public final class DaemonProcess implements AutoCloseable {
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private DaemonProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public static DaemonProcess start(Path dir, String configYaml, Map<String, String> env) throws IOException {
        return start(dir, configYaml, env, List.of());
    }

    /** @param jvmOptions e.g. the container's heap settings */
    public static DaemonProcess start(Path dir, String configYaml, Map<String, String> env, List<String> jvmOptions) throws IOException {
        Path config = dir.resolve("scaler.yaml");
        Files.writeString(config, configYaml);
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xshare:auto"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, "io.greenscale.daemon.cli.ScalerMain", "scaler", "run", "--config", config.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        Path out = dir.resolve("stdout.jsonl");
        Path err = dir.resolve("stderr.log");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        return new DaemonProcess(pb.start(), out, err);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Resident set size in KiB ({@code ps -o rss}). */
    public long rssKib() {
        try {
            Process ps = new ProcessBuilder("ps", "-o", "rss=", "-p", Long.toString(process.pid())).start();
            String out = new String(ps.getInputStream().readAllBytes()).trim();
            ps.waitFor();
            return Long.parseLong(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** SIGTERM, as the kubelet sends on pod deletion. */
    public void sigterm() {
        process.destroy();
    }

    /** SIGKILL: the process dies without any shutdown. */
    public void kill() {
        process.destroyForcibly();
    }

    /** The exit code, or -1 when it did not exit within {@code timeout}. */
    public int waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public String stdout() {
        return read(stdout);
    }

    public String stderr() {
        return read(stderr);
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(10));
        }
    }
}
