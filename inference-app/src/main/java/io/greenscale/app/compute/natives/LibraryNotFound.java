package io.greenscale.app.compute.natives;

import java.util.List;

/** No candidate of a {@link LibrarySearch} could be opened; {@link #attempts()} says what was tried and why it failed. */
public final class LibraryNotFound extends RuntimeException {
    private final List<String> attempts;

    public LibraryNotFound(String message, List<String> attempts) {
        super(message);
        this.attempts = List.copyOf(attempts);
    }

    public List<String> attempts() {
        return attempts;
    }
}
