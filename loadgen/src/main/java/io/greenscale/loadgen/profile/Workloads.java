package io.greenscale.loadgen.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.greenscale.policy.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Resolves a workload given by name or file, as {@code --workload NAME|FILE} and
 * {@code --profile-file} take it: an existing file (YAML profile or trace CSV) wins; otherwise
 * one of the built-in workloads below.
 */
public final class Workloads {
    /** Built-in workloads, shipped as YAML next to this class (see {@code docs/loadgen.md}). */
    public static final List<String> NAMES = List.of("step", "ramp", "bursty", "spike", "diurnal");

    private Workloads() {}

    public static Profile resolve(String nameOrFile) {
        Path file = Path.of(nameOrFile);
        if (Files.isRegularFile(file)) {
            return ProfileSpec.readFile(file);
        }
        if (NAMES.contains(nameOrFile)) {
            return builtIn(nameOrFile);
        }
        throw new ConfigException(List.of("workload \"" + nameOrFile + "\": neither a file nor a built-in workload ("
                + String.join(", ", NAMES) + ")"));
    }

    /** The YAML text of a built-in workload. */
    public static String builtInText(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Profile builtIn(String name) {
        try (InputStream in = resource(name)) {
            @SuppressWarnings("unchecked")
            Map<String, ?> map = new ObjectMapper(new YAMLFactory()).readValue(in, Map.class);
            return ProfileSpec.read(map, name, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in workload " + name, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Workloads.class.getResourceAsStream("/io/greenscale/loadgen/workloads/" + name + ".yaml");
        if (in == null) {
            throw new IllegalStateException("built-in workload " + name + " is missing from the jar");
        }
        return in;
    }
}
