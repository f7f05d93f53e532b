package io.greenscale.analysis.read;

import io.greenscale.analysis.run.RunData;
import io.greenscale.policy.DecisionRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Reads the scaler daemon's decision log from shadow mode ({@code scaler run} with a decision-log
 * file): one line per tick per target, each with the live HPA's replica count beside
 * GreenScale's decision. Each target becomes one shadow run with decisions only.
 */
public final class ShadowLogReader {
    private ShadowLogReader() {}

    /** @throws RunReadException when the file holds no decision, or none from shadow mode */
    public static List<ReadRun> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new RunReadException(file, "not a run directory or a decision log", null);
        }
        List<String> notes = new ArrayList<>();
        List<DecisionRecord> all = DecisionLines.read(file, file.toString(), notes);
        if (all.stream().noneMatch(d -> d.observedReplicas() != null)) {
            throw new RunReadException(file, "not a shadow decision log: no line carries observed_replicas"
                    + " (run the scaler with mode: shadow beside the HPA)", null);
        }
        Map<String, List<DecisionRecord>> byTarget = new LinkedHashMap<>();
        all.forEach(d -> byTarget.computeIfAbsent(d.target(), t -> new ArrayList<>()).add(d));
        String stem = file.getFileName().toString().replaceFirst("\\.jsonl?$", "");
        List<ReadRun> runs = new ArrayList<>();
        byTarget.forEach((target, decisions) -> {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("kind", "shadow");
            info.put("scenario", Map.of("name", target, "title", "Shadow: " + target));
            info.put("policy", Map.of("name", decisions.getFirst().policy()));
            info.put("source", file.toString());
            String name = byTarget.size() == 1 ? stem : stem + ":" + target;
            runs.add(new ReadRun(new RunData(name, info, List.of(), new Histogram(3), decisions), runs.isEmpty() ? notes : List.of()));
        });
        return runs;
    }
}
