package io.greenscale.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The decision core runs unchanged in the daemon, the replay command and the simulator because it
 * reads no clock, does no I/O and logs nothing. The enforcer rule keeps libraries out; this keeps
 * the JDK's own clocks, I/O, network, logging and threads out of the main sources.
 */
class PurityTest {
    private static final List<Pattern> FORBIDDEN = List.of(
            Pattern.compile("import java\\.(io|net|nio|util\\.logging|util\\.concurrent)\\."),
            Pattern.compile("import java\\.lang\\.System\\.Logger"),
            Pattern.compile("\\b(Instant|LocalDateTime|ZonedDateTime|OffsetDateTime|LocalDate)\\.now\\("),
            Pattern.compile("\\bClock\\b|\\bInstantSource\\b"),
            Pattern.compile("System\\.(currentTimeMillis|nanoTime|out|err|getenv|getProperty)"),
            Pattern.compile("\\bThread\\b|\\bRandom\\b|Math\\.random"));

    @Test
    void main_sources_read_no_clock_do_no_io_and_log_nothing() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    for (Pattern p : FORBIDDEN) {
                        if (p.matcher(lines.get(i)).find()) {
                            violations.add(f + ":" + (i + 1) + ": " + lines.get(i).trim());
                        }
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }
}
