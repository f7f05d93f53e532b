package io.greenscale.daemon.observe;

import io.greenscale.daemon.log.DecisionJson;
import io.greenscale.policy.DecisionRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The JSON decision log: one {@link DecisionRecord} per line per tick per target, snake_case, the
 * run directory's {@code decisions.jsonl}. Written to stdout (human logs go to stderr) and,
 * optionally, appended to a file.
 */
public final class DecisionLog implements AutoCloseable {
    private final PrintStream stdout;
    private final BufferedWriter file;

    /** @param stdout null for no stdout log; @param file null for no file */
    public DecisionLog(PrintStream stdout, Path file) {
        this.stdout = stdout;
        try {
            if (file != null && file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            this.file = file == null ? null : Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the decision log " + file, e);
        }
    }

    public synchronized void write(DecisionRecord record) {
        String line = DecisionJson.line(record);
        if (stdout != null) {
            stdout.println(line);
        }
        if (file != null) {
            try {
                file.write(line);
                file.newLine();
                file.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to the decision log file", e);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (stdout != null) {
            stdout.flush();
        }
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the decision log file", e);
            }
        }
    }
}
