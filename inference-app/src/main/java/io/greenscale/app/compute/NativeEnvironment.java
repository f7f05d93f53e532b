package io.greenscale.app.compute;

import io.greenscale.app.compute.natives.LibraryDirs;
import io.greenscale.app.compute.natives.LibrarySearch;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the engines look for their libraries: read from the process environment once, at start-up,
 * and passed down, so that tests can point the search at a directory of their own.
 *
 * @param root the file-system root the standard directories are resolved against ({@code /})
 * @param tryLoaderPath whether a bare soname is also handed to the loader (LD_LIBRARY_PATH, ld.so.cache)
 */
public record NativeEnvironment(Map<String, String> env, Path root, boolean tryLoaderPath) {

    public NativeEnvironment {
        env = Map.copyOf(env);
    }

    public static NativeEnvironment system() {
        return new NativeEnvironment(System.getenv(), Path.of("/"), true);
    }

    public LibrarySearch cudaDriver() {
        return search("GS_APP_CUDA_LIB", List.of("libcuda.so.1"), LibraryDirs.gpu(env, root));
    }

    /** cuBLAS 13 needs a CUDA 13 driver (R580+), cuBLAS 12 a CUDA 12 one (R525+): the driver picks the major. */
    public LibrarySearch cublas(int driverVersion) {
        List<String> sonames = driverVersion >= 13000 ? List.of("libcublas.so.13", "libcublas.so.12") : List.of("libcublas.so.12");
        return search("GS_APP_CUBLAS_LIB", sonames, LibraryDirs.gpu(env, root)).withCompanions(List.of("libcublasLt.so.{N}"));
    }

    public LibrarySearch nvml() {
        return search("GS_APP_NVML_LIB", List.of("libnvidia-ml.so.1"), LibraryDirs.gpu(env, root));
    }

    public LibrarySearch openBlas() {
        return search("GS_APP_OPENBLAS_LIB", List.of("libopenblas.so.0"), LibraryDirs.openBlas(root));
    }

    private LibrarySearch search(String overrideVar, List<String> sonames, List<String> dirs) {
        Optional<String> override = Optional.ofNullable(env.get(overrideVar)).filter(s -> !s.isBlank());
        return new LibrarySearch(override, sonames, dirs, List.of(), tryLoaderPath);
    }
}
