package io.greenscale.loadgen.record;

import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A JSON-lines file such as {@code decisions.jsonl}: one object per line, snake_case names,
 * flushed per line so a reader (or a crash) sees whole lines only.
 */
public final class JsonLines implements AutoCloseable {
    private static final ObjectWriter WRITER = Json.mapper().writer();

    private final BufferedWriter out;

    private JsonLines(BufferedWriter out) {
        this.out = out;
    }

    public static JsonLines create(Path file) {
        try {
            return new JsonLines(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    /** Writes any Jackson-serialisable value (a record such as {@code DecisionRecord}, a map). */
    public synchronized void write(Object value) {
        try {
            out.write(WRITER.writeValueAsString(value));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a line", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
