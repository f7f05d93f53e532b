package io.greenscale.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The app as a real child process (the JVM and class path of this test run), so a test can SIGTERM
 * it or kill it with SIGKILL. Its output goes to a file, which failure messages quote.
 */
public final class ChildApp implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ChildApp(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static ChildApp start(Path dir, String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), AppMain.class.getName()));
        command.addAll(List.of(args));
        Path log = dir.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("GS_APP_"));
        return new ChildApp(pb.start(), log);
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL, as a node failure or an OOM kill would: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as Kubernetes sends it; returns the exit status (143 = terminated by SIGTERM after the hooks ran). */
    public int terminate(Duration wait) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running " + wait + " after SIGTERM:\n" + log());
        }
        return process.exitValue();
    }

    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
