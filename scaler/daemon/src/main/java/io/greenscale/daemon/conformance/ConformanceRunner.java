package io.greenscale.daemon.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs vector files against the HPA emulation: every file is read and checked first, then each
 * vector runs through the emulation function its {@code kind} names and its outputs are compared
 * with {@code expected}. A vector of an unknown kind fails (it is not skipped); a vector that does
 * not follow the format stops the run with {@link MalformedVectorException}.
 */
public final class ConformanceRunner {
    private static final Map<String, KindRunner> KINDS = kinds();
    private final VectorFileReader reader = new VectorFileReader();

    public ConformanceReport run(List<Path> files) throws MalformedVectorException {
        List<Vector> vectors = new ArrayList<>();
        for (Path file : files) {
            vectors.addAll(reader.read(file));
        }
        List<VectorResult> results = new ArrayList<>();
        for (Vector v : vectors) {
            results.add(run(v));
        }
        return new ConformanceReport(results);
    }

    /** The kinds this runner knows, as named in the format. */
    public static List<String> knownKinds() {
        return KINDS.keySet().stream().sorted().toList();
    }

    private static VectorResult run(Vector v) throws MalformedVectorException {
        KindRunner kind = KINDS.get(v.kind());
        if (kind == null) {
            return new VectorResult(v, List.of(new Mismatch("kind", "one of " + knownKinds(), "\"" + v.kind() + "\" (unknown)")));
        }
        ObjectNode actual;
        try {
            actual = kind.run(v);
        } catch (VectorFormatException e) {
            throw new MalformedVectorException(v.file(), v.id(), e.getMessage());
        } catch (RuntimeException e) {
            // The emulation itself failed on a well-formed vector: that is a conformance failure.
            return new VectorResult(v, List.of(new Mismatch("outputs", "a result", "exception " + e)));
        }
        return new VectorResult(v, Comparison.compare(v.expected(), actual));
    }

    private static Map<String, KindRunner> kinds() {
        Map<String, KindRunner> kinds = new HashMap<>();
        ReplicaKinds.register(kinds);
        GroupingKind.register(kinds);
        NormalizationKinds.register(kinds);
        ControllerKinds.register(kinds);
        return Map.copyOf(kinds);
    }
}
