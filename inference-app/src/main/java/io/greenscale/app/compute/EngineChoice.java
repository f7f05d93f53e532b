package io.greenscale.app.compute;

/** What {@code --engine} asks for: the best available, or one engine that must be available. */
public enum EngineChoice {
    AUTO, CUDA, OPENBLAS, JAVA
}
