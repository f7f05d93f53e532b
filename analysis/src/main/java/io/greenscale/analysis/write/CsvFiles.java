package io.greenscale.analysis.write;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** CSV through Jackson: a header, then one row per map, quoted where a cell needs it. */
final class CsvFiles {
    private static final CsvMapper MAPPER = new CsvMapper();

    private CsvFiles() {}

    static String text(List<String> columns, List<Map<String, String>> rows) {
        CsvSchema.Builder schema = CsvSchema.builder();
        columns.forEach(schema::addColumn);
        StringWriter out = new StringWriter();
        try (SequenceWriter w = MAPPER.writer(schema.build().withHeader()).writeValues(out)) {
            for (Map<String, String> row : rows) {
                w.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV", e);
        }
        return out.toString();
    }

    static void write(Path file, List<String> columns, List<Map<String, String>> rows) {
        try {
            Files.writeString(file, text(columns, rows), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
