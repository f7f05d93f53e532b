package io.greenscale.analysis.write;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.greenscale.analysis.compute.Scorecard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A run's {@code scorecard.json}, beside its other files: the same fields and names as a row of
 * runs.csv, with nulls for figures the run could not give.
 */
public final class ScorecardJson {
    public static final String FILE = "scorecard.json";
    private static final ObjectWriter WRITER = JsonMapper.builder().build().writerWithDefaultPrettyPrinter();

    private ScorecardJson() {}

    /** Writes {@code runDir/scorecard.json}, replacing an earlier one. */
    public static Path write(Path runDir, Scorecard card) {
        Path file = runDir.resolve(FILE);
        try {
            WRITER.writeValue(file.toFile(), rounded(ScorecardColumns.run(card)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /** Doubles to the files' four decimals, so a replica-second sum does not show float noise. */
    private static Map<String, Object> rounded(Map<String, Object> row) {
        row.replaceAll((k, v) -> v instanceof Double d ? (Format.exact(d).isEmpty() ? null : Double.valueOf(Format.exact(d))) : v);
        return row;
    }
}
