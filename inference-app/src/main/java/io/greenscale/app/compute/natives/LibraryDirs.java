package io.greenscale.app.compute.natives;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where CUDA user-space libraries live in the images GreenScale runs in, in search order:
 * <ol>
 *   <li>{@code GS_APP_LIB_DIRS} (colon-separated, explicit);</li>
 *   <li>Python environments ({@code $VIRTUAL_ENV}, {@code $CONDA_PREFIX}, /opt/venv, /venv, /opt/conda,
 *       /usr/local, /usr, ~/.local): {@code lib/python3*}/{site,dist}-packages/nvidia/ {@code cu13/lib} (CUDA 13
 *       wheels put every library in one directory), {@code cublas/lib} (CUDA 12 wheels, one per component),
 *       {@code cu12/lib}, {@code cuda_runtime/lib};</li>
 *   <li>CUDA toolkit installs (nvidia/cuda *-runtime images) and driver directories mounted by the
 *       container toolkit, GKE or WSL.</li>
 * </ol>
 * Never a toolkit's {@code lib64/stubs}: its libcuda.so is a link-time stub whose cuInit fails (34).
 */
public final class LibraryDirs {
    private LibraryDirs() {
    }

    /** The directories that exist, for this environment ({@code env} is the process environment or a test's map). */
    public static List<String> gpu(Map<String, String> env, Path root) {
        Set<String> dirs = new LinkedHashSet<>();
        String extra = env.get("GS_APP_LIB_DIRS");
        if (extra != null) {
            for (String d : extra.split(":")) {
                if (!d.isBlank()) {
                    dirs.add(d);
                }
            }
        }
        List<Path> prefixes = new ArrayList<>();
        for (String var : List.of("VIRTUAL_ENV", "CONDA_PREFIX")) {
            if (env.get(var) != null && !env.get(var).isBlank()) {
                prefixes.add(Path.of(env.get(var)));
            }
        }
        for (String p : List.of("opt/venv", "venv", "opt/conda", "usr/local", "usr")) {
            prefixes.add(root.resolve(p));
        }
        if (env.get("HOME") != null) {
            prefixes.add(Path.of(env.get("HOME"), ".local"));
        }
        for (Path prefix : prefixes) {
            for (Path python : glob(prefix.resolve("lib"), "python3*")) {
                for (String packages : List.of("site-packages", "dist-packages")) {
                    Path nvidia = python.resolve(packages).resolve("nvidia");
                    for (String sub : List.of("cu13/lib", "cublas/lib", "cu12/lib", "cuda_runtime/lib")) {
                        addIfDirectory(dirs, nvidia.resolve(sub));
                    }
                }
            }
        }
        for (String d : List.of("usr/local/cuda/lib64", "usr/local/cuda/targets/x86_64-linux/lib", "usr/local/nvidia/lib64",
                "usr/lib/x86_64-linux-gnu", "usr/lib64", "usr/lib/wsl/lib")) {
            addIfDirectory(dirs, root.resolve(d));
        }
        for (Path cuda : glob(root.resolve("usr/local"), "cuda-*")) {
            addIfDirectory(dirs, cuda.resolve("lib64"));
        }
        return List.copyOf(dirs);
    }

    /** Debian/Ubuntu put the pthread OpenBLAS build in its own directory behind the alternatives system. */
    public static List<String> openBlas(Path root) {
        Set<String> dirs = new LinkedHashSet<>();
        for (String d : List.of("usr/lib/x86_64-linux-gnu/openblas-pthread", "usr/lib/aarch64-linux-gnu/openblas-pthread",
                "usr/lib/x86_64-linux-gnu", "usr/lib/aarch64-linux-gnu", "usr/lib64", "usr/lib", "usr/local/lib")) {
            addIfDirectory(dirs, root.resolve(d));
        }
        return List.copyOf(dirs);
    }

    private static void addIfDirectory(Set<String> dirs, Path p) {
        if (Files.isDirectory(p)) {
            dirs.add(p.toString());
        }
    }

    private static List<Path> glob(Path dir, String pattern) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, pattern)) {
            ds.forEach(out::add);
        } catch (IOException e) {
            return out; // an unreadable directory holds no library we could open anyway
        }
        out.sort(null);
        return out;
    }
}
