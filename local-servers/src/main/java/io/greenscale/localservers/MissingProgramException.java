package io.greenscale.localservers;

import java.util.List;

/** A server program GreenScale needs is not installed; the message says how to install it. */
public final class MissingProgramException extends RuntimeException {
    private final String program;

    public MissingProgramException(String program) {
        super(program + " is not installed (looked on PATH and in /usr/sbin, /usr/local/bin); install it with: "
                + Programs.installHint(List.of(program)));
        this.program = program;
    }

    public String program() {
        return program;
    }
}
