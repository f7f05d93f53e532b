package io.greenscale.daemon.conformance;

/** A field of a vector that is missing or has the wrong type; the path names it ({@code input.pods[2].name}). */
final class VectorFormatException extends RuntimeException {

    VectorFormatException(String path, String problem) {
        super(path + ": " + problem);
    }
}
