package io.greenscale.analysis.read;

import java.nio.file.Path;

/** A path that cannot be read as a run: not a run directory, or its run.json is unreadable. */
public final class RunReadException extends RuntimeException {
    private final Path path;

    RunReadException(Path path, String message, Throwable cause) {
        super(path + ": " + message, cause);
        this.path = path;
    }

    public Path path() {
        return path;
    }
}
