package io.greenscale.daemon.conformance;

import java.nio.file.Path;

/**
 * A vector file that cannot be read, or a vector whose fields do not follow the format. The
 * message names the file and the vector, so the author can fix it; the CLI exits 2.
 */
public final class MalformedVectorException extends Exception {

    public MalformedVectorException(Path file, String vectorId, String problem) {
        super(file + (vectorId == null ? "" : ": vector " + vectorId) + ": " + problem);
    }

    public MalformedVectorException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
