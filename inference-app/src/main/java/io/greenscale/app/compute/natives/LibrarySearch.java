package io.greenscale.app.compute.natives;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How to find one library: an explicit file (the override variable), then each soname in each
 * directory (with companions from the same directory opened first, e.g. {@code libcublasLt.so.13}
 * before {@code libcublas.so.13}), then each bare soname through the loader's own search
 * (LD_LIBRARY_PATH, ld.so.cache) unless {@code tryLoaderPath} is off.
 *
 * @param companions sonames with {@code {N}} standing for the major of the soname being opened
 */
public record LibrarySearch(Optional<String> overrideFile, List<String> sonames, List<String> dirs,
                            List<String> companions, boolean tryLoaderPath) {

    public LibrarySearch {
        sonames = List.copyOf(sonames);
        dirs = List.copyOf(dirs);
        companions = List.copyOf(companions);
    }

    public static LibrarySearch of(Optional<String> overrideFile, List<String> sonames, List<String> dirs) {
        return new LibrarySearch(overrideFile, sonames, dirs, List.of(), true);
    }

    public LibrarySearch withCompanions(List<String> names) {
        return new LibrarySearch(overrideFile, sonames, dirs, names, tryLoaderPath);
    }

    public LibrarySearch withSonames(List<String> names) {
        return new LibrarySearch(overrideFile, names, dirs, companions, tryLoaderPath);
    }

    /** The first library that opens; otherwise {@link LibraryNotFound} listing every attempt and why it failed. */
    public NativeLib open() {
        List<String> attempts = new ArrayList<>();
        if (overrideFile.isPresent()) {
            String file = overrideFile.get();
            try {
                return NativeLib.open(file);
            } catch (UnsatisfiedLinkError e) {
                // An explicit choice that fails is final: silently using another library would hide it.
                throw new LibraryNotFound(file + " (set by override) is not loadable: " + e.getMessage(), List.of());
            }
        }
        for (String soname : sonames) {
            for (String dir : dirs) {
                Path p = Path.of(dir, soname);
                if (!Files.exists(p)) {
                    continue;
                }
                openCompanions(Path.of(dir), soname, attempts);
                try {
                    return NativeLib.open(p.toString());
                } catch (UnsatisfiedLinkError e) {
                    attempts.add(p + ": " + e.getMessage());
                }
            }
            if (tryLoaderPath) {
                try {
                    return NativeLib.open(soname);
                } catch (UnsatisfiedLinkError e) {
                    attempts.add(soname + ": " + e.getMessage());
                }
            }
        }
        throw new LibraryNotFound(String.join(" / ", sonames) + " not loadable", attempts);
    }

    private void openCompanions(Path dir, String soname, List<String> attempts) {
        String major = soname.substring(soname.lastIndexOf(".so.") + 4);
        for (String companion : companions) {
            Path c = dir.resolve(companion.replace("{N}", major));
            if (Files.exists(c)) {
                try {
                    NativeLib.open(c.toString());
                } catch (UnsatisfiedLinkError e) {
                    attempts.add(c + ": " + e.getMessage());
                }
            }
        }
    }
}
