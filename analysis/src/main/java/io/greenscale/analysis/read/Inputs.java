package io.greenscale.analysis.read;

import io.greenscale.analysis.run.RunData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code greenscale report} was given: run directories, and shadow decision logs as files.
 * Runs are named after their directories; where two share a name, the parent directory's name
 * is put in front (and a counter after, if that is not enough), so every row of runs.csv stays
 * distinguishable.
 */
public final class Inputs {
    private Inputs() {}

    /** What one path gave: its runs, or why it could not be read. */
    private record Outcome(List<ReadRun> runs, RunReadException failure) {}

    /**
     * Reads the paths in parallel (parsing a comparison's hundreds of runs is CPU work), keeping
     * their order.
     *
     * @throws RunReadException naming the first path, in the given order, that could not be read
     */
    public static List<ReadRun> read(List<Path> paths) {
        List<Outcome> outcomes = paths.parallelStream().map(Inputs::readOne).toList();
        List<ReadRun> runs = new ArrayList<>();
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            Outcome o = outcomes.get(i);
            if (o.failure() != null) {
                throw o.failure();
            }
            runs.addAll(o.runs());
            for (int k = 0; k < o.runs().size(); k++) {
                sources.add(paths.get(i));
            }
        }
        return distinctNames(runs, sources);
    }

    private static Outcome readOne(Path p) {
        try {
            return new Outcome(Files.isDirectory(p) ? List.of(RunReader.read(p)) : ShadowLogReader.read(p), null);
        } catch (RunReadException e) {
            return new Outcome(List.of(), e);
        }
    }

    private static List<ReadRun> distinctNames(List<ReadRun> runs, List<Path> sources) {
        Map<String, Integer> counts = new HashMap<>();
        runs.forEach(r -> counts.merge(r.run().name(), 1, Integer::sum));
        Set<String> taken = new HashSet<>();
        List<ReadRun> out = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunData d = runs.get(i).run();
            String name = d.name();
            if (counts.get(name) > 1) {
                Path parent = sources.get(i).toAbsolutePath().normalize().getParent();
                name = (parent == null || parent.getFileName() == null ? "" : parent.getFileName() + "/") + name;
            }
            String unique = name;
            for (int k = 2; !taken.add(unique); k++) {
                unique = name + "#" + k;
            }
            out.add(new ReadRun(new RunData(unique, d.info(), d.seconds(), d.latencyMicros(), d.decisions()), runs.get(i).notes()));
        }
        return out;
    }
}
