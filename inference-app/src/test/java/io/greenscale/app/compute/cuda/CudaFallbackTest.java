package io.greenscale.app.compute.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenscale.app.compute.EngineKind;
import io.greenscale.app.compute.EngineUnavailable;
import io.greenscale.app.compute.NativeEnvironment;
import io.greenscale.app.compute.natives.LibrarySearchTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cuda engine up to its graceful refusal, on a machine with or without a GPU stack: the driver
 * version picks the cuBLAS major, stand-in libraries are found where wheels put them, and every
 * failure names the file and the reason.
 */
class CudaFallbackTest {
    @TempDir
    Path root;

    NativeEnvironment env(Map<String, String> vars) {
        return new NativeEnvironment(vars, root, false);
    }

    @Test
    void aCuda13DriverAsksForCublas13ThenCublas12() {
        assertThat(env(Map.of()).cublas(13000).sonames()).containsExactly("libcublas.so.13", "libcublas.so.12");
        assertThat(env(Map.of()).cublas(13000).companions()).containsExactly("libcublasLt.so.{N}");
    }

    @Test
    void aCuda12DriverAsksForCublas12Only() {
        assertThat(env(Map.of()).cublas(12080).sonames()).containsExactly("libcublas.so.12");
    }

    @Test
    void aStandInCublas13InAVenvIsFoundAndRefusedForItsMissingSymbols() throws IOException {
        Path venv = root.resolve("venv");
        Path lib = Files.createDirectories(venv.resolve("lib/python3.12/site-packages/nvidia/cu13/lib"));
        Files.copy(LibrarySearchTest.someSharedLibrary(), lib.resolve("libcublas.so.13"));

        assertThatThrownBy(() -> Cublas.open(env(Map.of("VIRTUAL_ENV", venv.toString())).cublas(13000)))
                .isInstanceOf(EngineUnavailable.class)
                .hasMessage(lib.resolve("libcublas.so.13") + " is not a usable cuBLAS: cublasCreate_v2 not found in " + lib.resolve("libcublas.so.13"));
    }

    @Test
    void withNoCublasAnywhereTheReasonListsTheSonamesTried() {
        assertThatThrownBy(() -> Cublas.open(env(Map.of()).cublas(12080))).isInstanceOf(EngineUnavailable.class)
                .hasMessage("no loadable libcublas.so.12");
    }

    @Test
    void withoutADriverTheEngineIsUnavailableWithTheReason() {
        assertThatThrownBy(() -> CudaEngine.open(env(Map.of()), false)).isInstanceOf(EngineUnavailable.class)
                .hasMessage("libcuda.so.1 not loadable (no NVIDIA driver here?)")
                .satisfies(e -> assertThat(((EngineUnavailable) e).kind()).isEqualTo(EngineKind.CUDA));
    }

    @Test
    void aDriverOverrideThatIsNotTheDriverIsRefusedByName() {
        String notCuda = LibrarySearchTest.someSharedLibrary().toString();

        assertThatThrownBy(() -> CudaEngine.open(env(Map.of("GS_APP_CUDA_LIB", notCuda)), false)).isInstanceOf(EngineUnavailable.class)
                .hasMessage(notCuda + " is not a usable CUDA driver: cuInit not found in " + notCuda);
    }

    @Test
    void withoutNvmlTelemetryIsUnavailableWithTheReason() {
        assertThatThrownBy(() -> GpuTelemetry.open(env(Map.of()))).hasMessage("libnvidia-ml.so.1 not loadable");
    }

    @Test
    void theFp32PeakCountsLanesPerSmByArchitecture() {
        // H100 SXM: 132 SMs at 1.98 GHz boost, 128 FP32 lanes per SM → 66.9 TFLOP/s
        assertThat(CudaEngine.fp32Peak(9, 0, 132, 1_980_000)).isCloseTo(66_908, org.assertj.core.data.Offset.offset(1.0));
        // A100: 108 SMs at 1.41 GHz, 64 lanes → 19.5 TFLOP/s
        assertThat(CudaEngine.fp32Peak(8, 0, 108, 1_410_000)).isCloseTo(19_492, org.assertj.core.data.Offset.offset(1.0));
    }
}
