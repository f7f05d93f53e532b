package io.greenscale.analysis.read;

import io.greenscale.analysis.run.RunData;
import java.util.List;

/**
 * A run read from disk, and what the reader had to leave out or assume on the way (a missing
 * optional file, a skipped malformed line), for the report's notes.
 */
public record ReadRun(RunData run, List<String> notes) {
    public ReadRun {
        notes = List.copyOf(notes);
    }
}
