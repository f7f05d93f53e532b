package io.greenscale.app.compute.natives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library search on a file tree the test builds: Python venvs, toolkit directories, overrides. */
public class LibrarySearchTest {
    @TempDir
    Path root;

    /** A real shared library that is none of the ones searched for: it opens, and lacks their symbols. */
    public static Path someSharedLibrary() {
        return List.of(Path.of("/lib/x86_64-linux-gnu/libm.so.6"), Path.of("/usr/lib/x86_64-linux-gnu/libm.so.6"),
                Path.of("/lib64/libm.so.6"), Path.of("/usr/lib64/libm.so.6")).stream().filter(Files::exists).findFirst().orElseThrow();
    }

    @Test
    void cuda13WheelsAndCuda12WheelsInAVirtualEnvAreSearchedFirst() throws IOException {
        Path venv = root.resolve("venv");
        Path cu13 = Files.createDirectories(venv.resolve("lib/python3.12/site-packages/nvidia/cu13/lib"));
        Path cu12 = Files.createDirectories(venv.resolve("lib/python3.12/site-packages/nvidia/cublas/lib"));
        Path toolkit = Files.createDirectories(root.resolve("usr/local/cuda/lib64"));
        Files.createDirectories(root.resolve("usr/local/cuda/lib64/stubs"));

        List<String> dirs = LibraryDirs.gpu(Map.of("VIRTUAL_ENV", venv.toString(), "GS_APP_LIB_DIRS", "/opt/explicit"), root);

        assertThat(dirs).containsSubsequence("/opt/explicit", cu13.toString(), cu12.toString(), toolkit.toString());
        assertThat(dirs).noneMatch(d -> d.contains("stubs"));
    }

    @Test
    void aCondaPrefixAndTheDefaultVenvLocationsAreFoundToo() throws IOException {
        Path conda = Files.createDirectories(root.resolve("conda/lib/python3.11/dist-packages/nvidia/cu13/lib"));
        Path optVenv = Files.createDirectories(root.resolve("opt/venv/lib/python3.13/site-packages/nvidia/cu13/lib"));

        List<String> dirs = LibraryDirs.gpu(Map.of("CONDA_PREFIX", root.resolve("conda").toString()), root);

        assertThat(dirs).containsSubsequence(conda.toString(), optVenv.toString());
    }

    @Test
    void theCompanionInTheSameDirectoryIsOpenedBeforeTheLibrary() throws IOException {
        Path dir = Files.createDirectories(root.resolve("lib"));
        Files.writeString(dir.resolve("libcublasLt.so.13"), "not an ELF file");
        Files.copy(someSharedLibrary(), dir.resolve("libcublas.so.13"));
        LibrarySearch search = new LibrarySearch(Optional.empty(), List.of("libcublas.so.13"), List.of(dir.toString()),
                List.of("libcublasLt.so.{N}"), false);

        NativeLib lib = search.open();

        assertThat(lib.name()).isEqualTo(dir.resolve("libcublas.so.13").toString());
        assertThat(lib.find("cublasCreate_v2")).isEmpty();
        assertThat(lib.find("cos")).isPresent();
    }

    @Test
    void whenNothingOpensEveryAttemptIsListedWithTheLoadersReason() throws IOException {
        Path dir = Files.createDirectories(root.resolve("lib"));
        Files.writeString(dir.resolve("libopenblas.so.0"), "not an ELF file");
        LibrarySearch search = new LibrarySearch(Optional.empty(), List.of("libopenblas.so.0"), List.of(dir.toString()), List.of(), false);

        assertThatThrownBy(search::open).isInstanceOf(LibraryNotFound.class).hasMessage("libopenblas.so.0 not loadable")
                .satisfies(e -> assertThat(((LibraryNotFound) e).attempts()).singleElement().asString()
                        .startsWith(dir.resolve("libopenblas.so.0") + ": "));
    }

    @Test
    void anOverrideThatDoesNotOpenIsFinalRatherThanSilentlyReplaced() {
        LibrarySearch search = new LibrarySearch(Optional.of("/nonexistent/libcuda.so.1"), List.of("libcuda.so.1"), List.of(), List.of(), true);

        assertThatThrownBy(search::open).isInstanceOf(LibraryNotFound.class)
                .hasMessageStartingWith("/nonexistent/libcuda.so.1 (set by override) is not loadable: ");
    }
}
