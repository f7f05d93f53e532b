package io.greenscale.localservers;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Finds the server programs GreenScale runs for real (redis-server, prometheus) on this machine. */
public final class Programs {
    /** Where Debian/Ubuntu put daemons that are not on an ordinary user's PATH. */
    private static final List<String> EXTRA_DIRS = List.of("/usr/sbin", "/usr/local/sbin", "/usr/local/bin", "/usr/bin");

    private Programs() {}

    /** The executable's path, or empty when it is not installed. {@code GS_<NAME>} (e.g. GS_REDIS_SERVER) overrides. */
    public static Optional<Path> find(String program) {
        String override = System.getenv("GS_" + program.toUpperCase().replace('-', '_'));
        if (override != null && !override.isBlank()) {
            Path p = Path.of(override);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        Set<String> dirs = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.addAll(EXTRA_DIRS);
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The executable's path, or a {@link MissingProgramException} that says how to install it. */
    public static Path require(String program) {
        return find(program).orElseThrow(() -> new MissingProgramException(program));
    }

    /** The subset of {@code programs} that is not installed, in the given order. */
    public static List<String> missing(String... programs) {
        List<String> missing = new ArrayList<>();
        for (String program : programs) {
            if (find(program).isEmpty()) {
                missing.add(program);
            }
        }
        return missing;
    }

    /** The one command that installs {@code programs} on Debian/Ubuntu (the package names equal the program names). */
    public static String installHint(List<String> programs) {
        return "apt-get install -y " + String.join(" ", programs);
    }
}
