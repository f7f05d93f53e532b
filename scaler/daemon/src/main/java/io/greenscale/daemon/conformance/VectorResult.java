package io.greenscale.daemon.conformance;

import java.util.List;
import java.util.stream.Collectors;

/** The outcome of one vector: passed, or the keys that did not match. */
public record VectorResult(Vector vector, List<Mismatch> mismatches) {

    public VectorResult {
        mismatches = List.copyOf(mismatches);
    }

    public boolean passed() {
        return mismatches.isEmpty();
    }

    /** One line naming the vector, then each mismatch with the expected and the actual value. */
    public String failureLine() {
        return "FAIL " + vector.id() + " [" + vector.kind() + "] (" + vector.file().getFileName() + "): "
                + mismatches.stream().map(Mismatch::toString).collect(Collectors.joining("; "));
    }
}
