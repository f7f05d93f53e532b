package io.greenscale.localservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A child server process with its own temporary directory: started, waited for until ready,
 * and always stopped and cleaned up (also from a JVM shutdown hook, so an interrupted test or
 * experiment leaves nothing running).
 */
final class ServerProcess implements AutoCloseable {
    private final String name;
    private final Path workDir;
    private final Path log;
    private Process process;
    private final Thread shutdownHook;

    ServerProcess(String name, Path workDir) {
        this.name = name;
        this.workDir = workDir;
        this.log = workDir.resolve(name + ".log");
        this.shutdownHook = new Thread(this::destroyQuietly, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for " + prefix, e);
        }
    }

    Path workDir() {
        return workDir;
    }

    Path log() {
        return log;
    }

    /** Starts {@code command} and waits until {@code ready} holds, failing with the server's log tail. */
    void start(List<String> command, BooleanSupplier ready, Duration timeout) {
        try {
            process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready:\n" + logTail());
            }
            if (System.nanoTime() > deadline) {
                destroyQuietly();
                throw new IllegalStateException(name + " was not ready within " + timeout + ":\n" + logTail());
            }
            try {
                Thread.sleep(10); // polling a child process's readiness; not test logic
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                destroyQuietly();
                throw new IllegalStateException("interrupted while starting " + name, e);
            }
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM, then SIGKILL after a grace period. */
    void stop(Duration grace) {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** SIGKILL without a grace period: what a crashed server looks like to its clients. */
    void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private void destroyQuietly() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it will destroy the process itself
        }
        deleteRecursively(workDir);
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary directory left behind is harmless
        }
    }
}
