package io.greenscale.app.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenscale.app.compute.natives.LibrarySearchTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Engine choice at start-up: auto degrades step by step with one line each, a forced engine must exist. */
class EngineSelectorTest {
    static final CpuInfo CPU = new CpuInfo("test cpu", 2, OptionalDouble.of(2500), true, true);
    @TempDir
    Path emptyRoot;
    final List<String> log = new ArrayList<>();

    /** Nothing to find: no driver, no OpenBLAS, and the loader's own path not consulted. */
    EngineSelector bare(Map<String, String> env) {
        return new EngineSelector(new NativeEnvironment(env, emptyRoot, false), 1, false, CPU);
    }

    @Test
    void withNoLibrariesAutoDegradesToTheVectorEngineSayingWhyAtEachStep() {
        try (Engine e = bare(Map.of()).select(EngineChoice.AUTO, log::add)) {
            assertThat(e.kind()).isEqualTo(EngineKind.JAVA);
        }
        assertThat(log).containsExactly(
                "engine cuda unavailable, trying openblas: libcuda.so.1 not loadable (no NVIDIA driver here?)",
                "engine openblas unavailable, trying java: libopenblas.so.0 not loadable (install libopenblas0-pthread)");
    }

    @Test
    void aLibraryThatIsNotOpenBlasIsNamedInTheReason() {
        String notBlas = LibrarySearchTest.someSharedLibrary().toString();

        try (Engine e = bare(Map.of("GS_APP_OPENBLAS_LIB", notBlas)).select(EngineChoice.AUTO, log::add)) {
            assertThat(e.kind()).isEqualTo(EngineKind.JAVA);
        }
        assertThat(log.get(1)).isEqualTo("engine openblas unavailable, trying java: " + notBlas
                + " is not a usable OpenBLAS: cblas_sgemm not found in " + notBlas);
    }

    @Test
    void aForcedEngineThatIsUnavailableStopsStartUp() {
        assertThatThrownBy(() -> bare(Map.of()).select(EngineChoice.CUDA, log::add)).isInstanceOf(EngineUnavailable.class)
                .hasMessageContaining("libcuda.so.1 not loadable");
        assertThatThrownBy(() -> bare(Map.of()).select(EngineChoice.OPENBLAS, log::add)).isInstanceOf(EngineUnavailable.class);
        assertThat(log).isEmpty();
    }

    @Test
    void onThisMachineAutoPicksTheBestEngineItHas() {
        EngineSelector system = new EngineSelector(NativeEnvironment.system(), 1, false, CPU);
        try (Engine e = system.select(EngineChoice.AUTO, log::add)) {
            EngineKind expected = canOpen(system, EngineKind.CUDA) ? EngineKind.CUDA
                    : canOpen(system, EngineKind.OPENBLAS) ? EngineKind.OPENBLAS : EngineKind.JAVA;
            assertThat(e.kind()).isEqualTo(expected);
            assertThat(log).hasSize(expected.ordinal());
        }
    }

    static boolean canOpen(EngineSelector s, EngineKind kind) {
        try (Engine e = s.open(kind)) {
            return true;
        } catch (EngineUnavailable e) {
            return false;
        }
    }

    @Test
    void theNominalPeakIsCoresTimesTwoFmaTimesEightLanesTimesTwoTimesTheClock() {
        assertThat(new CpuInfo("x", 2, OptionalDouble.of(2445), true, true).nominalPeakGflops().getAsDouble())
                .isCloseTo(156.48, org.assertj.core.data.Offset.offset(0.01));
        assertThat(CpuInfo.parse(List.of("model name\t: AMD EPYC 7B13", "cpu MHz\t\t: 2445.426", "flags\t\t: fpu avx2 fma"), 2))
                .isEqualTo(new CpuInfo("AMD EPYC 7B13", 2, OptionalDouble.of(2445.426), true, true));
    }
}
