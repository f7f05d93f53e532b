package io.greenscale.app.compute;

import java.util.Locale;

/** The engines, in the order {@code auto} tries them. */
public enum EngineKind {
    CUDA, OPENBLAS, JAVA;

    /** The label value: {@code cuda}, {@code openblas}, {@code java}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
