package io.greenscale.daemon.conformance;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The results of a conformance run, in file and vector order. */
public record ConformanceReport(List<VectorResult> results) {

    public ConformanceReport {
        results = List.copyOf(results);
    }

    public long passed() {
        return results.stream().filter(VectorResult::passed).count();
    }

    public long failed() {
        return results.size() - passed();
    }

    public List<VectorResult> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    /** Vectors per kind as {passed, failed}, kinds sorted. */
    public Map<String, long[]> byKind() {
        Map<String, long[]> counts = new TreeMap<>();
        for (VectorResult r : results) {
            counts.computeIfAbsent(r.vector().kind(), k -> new long[2])[r.passed() ? 0 : 1]++;
        }
        return counts;
    }

    /** The last line of the CLI's output. */
    public String summaryLine() {
        return passed() + " passed, " + failed() + " failed";
    }
}
