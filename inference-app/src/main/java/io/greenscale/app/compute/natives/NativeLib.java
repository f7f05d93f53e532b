package io.greenscale.app.compute.natives;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * A shared library opened with dlopen(3) through FFM, so that a failure carries dlerror()'s reason
 * ({@code SymbolLookup.libraryLookup} only says "Cannot open library"). Libraries stay loaded for
 * the life of the process, never dlclose'd: CUDA libraries do not survive being unloaded.
 */
public final class NativeLib {
    static final Linker LINKER = Linker.nativeLinker();
    private static final int RTLD_NOW = 0x2;
    private static final int RTLD_GLOBAL = 0x100;
    private static final MethodHandle DLOPEN;
    private static final MethodHandle DLERROR;
    private static final MethodHandle DLSYM;

    static {
        SymbolLookup libc = LINKER.defaultLookup();
        DLOPEN = LINKER.downcallHandle(libc.find("dlopen").orElseThrow(), FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
        DLERROR = LINKER.downcallHandle(libc.find("dlerror").orElseThrow(), FunctionDescriptor.of(ADDRESS));
        DLSYM = LINKER.downcallHandle(libc.find("dlsym").orElseThrow(), FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
    }

    private final String name;
    private final MemorySegment handle;

    private NativeLib(String name, MemorySegment handle) {
        this.name = name;
        this.handle = handle;
    }

    /** What was passed to dlopen: an absolute path or a bare soname. */
    public String name() {
        return name;
    }

    /** dlopen(name, RTLD_NOW | RTLD_GLOBAL); GLOBAL so that a preloaded companion satisfies later DT_NEEDED entries. */
    public static NativeLib open(String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment h = (MemorySegment) DLOPEN.invokeExact(arena.allocateFrom(name), RTLD_NOW | RTLD_GLOBAL);
            if (h.address() == 0) {
                MemorySegment err = (MemorySegment) DLERROR.invokeExact();
                throw new UnsatisfiedLinkError(err.address() == 0 ? "unknown dlopen error" : err.reinterpret(4096).getString(0));
            }
            return new NativeLib(name, h);
        } catch (UnsatisfiedLinkError e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("dlopen(" + name + ")", t);
        }
    }

    public Optional<MemorySegment> find(String symbol) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = (MemorySegment) DLSYM.invokeExact(handle, arena.allocateFrom(symbol));
            return p.address() == 0 ? Optional.empty() : Optional.of(p);
        } catch (Throwable t) {
            throw new IllegalStateException("dlsym(" + symbol + ")", t);
        }
    }

    /** A downcall handle for a symbol that must exist; UnsatisfiedLinkError names the symbol and the library. */
    public MethodHandle function(String symbol, FunctionDescriptor descriptor) {
        MemorySegment p = find(symbol).orElseThrow(() -> new UnsatisfiedLinkError(symbol + " not found in " + name));
        return LINKER.downcallHandle(p, descriptor);
    }
}
