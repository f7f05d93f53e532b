package io.greenscale.app.compute;

import io.greenscale.app.compute.cpu.OpenBlasEngine;
import io.greenscale.app.compute.cpu.VectorEngine;
import io.greenscale.app.compute.cuda.CudaEngine;
import java.util.List;
import java.util.function.Consumer;

/**
 * Chooses the engine at start-up. {@code auto} tries cuda, then openblas, then java, and says in one
 * log line per step why it moved on; a forced engine that is unavailable is an {@link EngineUnavailable}
 * (the app refuses to start rather than run slower than asked).
 *
 * @param threads threads one CPU product may use (cuda ignores it)
 * @param tf32 whether cuda multiplies through the TF32 tensor-core path
 */
public record EngineSelector(NativeEnvironment environment, int threads, boolean tf32, CpuInfo cpu) {

    public Engine select(EngineChoice choice, Consumer<String> log) {
        return switch (choice) {
            case CUDA -> open(EngineKind.CUDA);
            case OPENBLAS -> open(EngineKind.OPENBLAS);
            case JAVA -> open(EngineKind.JAVA);
            case AUTO -> firstAvailable(log);
        };
    }

    private Engine firstAvailable(Consumer<String> log) {
        List<EngineKind> order = List.of(EngineKind.CUDA, EngineKind.OPENBLAS);
        for (EngineKind kind : order) {
            try {
                return open(kind);
            } catch (EngineUnavailable e) {
                EngineKind next = kind == EngineKind.CUDA ? EngineKind.OPENBLAS : EngineKind.JAVA;
                log.accept("engine " + kind.label() + " unavailable, trying " + next.label() + ": " + e.getMessage());
            }
        }
        return open(EngineKind.JAVA);
    }

    public Engine open(EngineKind kind) {
        return switch (kind) {
            case CUDA -> CudaEngine.open(environment, tf32);
            case OPENBLAS -> OpenBlasEngine.open(environment.openBlas(), threads, cpu.model());
            case JAVA -> new VectorEngine(threads, cpu.model());
        };
    }
}
