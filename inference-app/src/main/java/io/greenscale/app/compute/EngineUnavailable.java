package io.greenscale.app.compute;

import java.util.List;

/** An engine cannot run here; the message is the one-line reason, {@link #attempts()} what was tried. */
public final class EngineUnavailable extends RuntimeException {
    private final EngineKind kind;
    private final List<String> attempts;

    public EngineUnavailable(EngineKind kind, String reason, List<String> attempts) {
        super(reason);
        this.kind = kind;
        this.attempts = List.copyOf(attempts);
    }

    public EngineKind kind() {
        return kind;
    }

    public List<String> attempts() {
        return attempts;
    }
}
