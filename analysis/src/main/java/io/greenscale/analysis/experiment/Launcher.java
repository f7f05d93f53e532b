package io.greenscale.analysis.experiment;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code ./greenscale} launcher the experiment starts its children through (the scaler, which
 * starts the app's workers), so that they run from the same build with the same JDK lookup. Found
 * from {@code -Dgreenscale.home}, {@code $GS_HOME} (the launcher exports it), or by walking up from
 * this class's location to the directory that holds the launcher and the parent pom.
 */
public record Launcher(Path home) {
    static final String VERSION = "0.1.0-SNAPSHOT";

    /** A module the experiment runs, with the jar the launcher runs it from and the modules it is built from. */
    enum Module {
        SCALER("scaler/daemon", "greenscale-daemon", List.of("scaler/policy")),
        APP("inference-app", "greenscale-inference-app", List.of());

        final String dir;
        final String artifact;
        final List<String> upstream;

        Module(String dir, String artifact, List<String> upstream) {
            this.dir = dir;
            this.artifact = artifact;
            this.upstream = upstream;
        }
    }

    public static Launcher find() {
        String home = System.getProperty("greenscale.home");
        if (home == null || home.isBlank()) {
            home = System.getenv("GS_HOME");
        }
        if (home != null && !home.isBlank() && Files.isRegularFile(Path.of(home, "greenscale"))) {
            return new Launcher(Path.of(home).toAbsolutePath().normalize());
        }
        try {
            Path p = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (; p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve("greenscale")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                    return new Launcher(p);
                }
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through
        }
        throw new IllegalStateException("cannot find the greenscale launcher: run this through ./greenscale, or set GS_HOME to the"
                + " directory that holds it");
    }

    public Path script() {
        return home.resolve("greenscale");
    }

    /** {@code <home>/greenscale <command> <args...>} */
    public List<String> command(String command, String... args) {
        List<String> argv = new ArrayList<>(List.of(script().toString(), command));
        argv.addAll(List.of(args));
        return argv;
    }

    Path jar(Module m) {
        return home.resolve(m.dir).resolve("target").resolve(m.artifact + "-" + VERSION + ".jar");
    }

    /**
     * Why a module's jar cannot be run as it is (missing, or older than a source it is built from,
     * by the launcher's own rule), or null when it is fresh. The launcher would build it first.
     */
    public String notFresh(Module m) {
        Path jar = jar(m);
        if (!Files.isRegularFile(jar) || !Files.isDirectory(jar.getParent().resolve("lib"))) {
            return m.dir + " is not built (no " + home.relativize(jar) + " with its lib/)";
        }
        List<Path> inputs = new ArrayList<>(List.of(home.resolve("pom.xml"), home.resolve(m.dir).resolve("pom.xml"),
                home.resolve(m.dir).resolve("src/main")));
        for (String up : m.upstream) {
            inputs.add(home.resolve(up).resolve("pom.xml"));
            inputs.add(home.resolve(up).resolve("src/main"));
        }
        try {
            long built = Files.getLastModifiedTime(jar).toMillis();
            for (Path input : inputs) {
                if (!Files.exists(input)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(input)) {
                    var newer = files.filter(f -> newer(f, built)).findFirst();
                    if (newer.isPresent()) {
                        return m.dir + "'s jar is older than " + home.relativize(newer.get());
                    }
                }
            }
        } catch (IOException e) {
            return "cannot check " + home.relativize(jar) + ": " + e.getMessage();
        }
        return null;
    }

    private static boolean newer(Path f, long than) {
        try {
            return Files.getLastModifiedTime(f).toMillis() > than;
        } catch (IOException e) {
            return false;
        }
    }
}
