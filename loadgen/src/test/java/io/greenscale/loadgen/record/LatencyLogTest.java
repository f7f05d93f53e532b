package io.greenscale.loadgen.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyLogTest {

    @TempDir
    Path dir;

    @Test
    void intervalsReadBackWithTheirValuesAndTimes() throws Exception {
        Instant start = Instant.parse("2026-11-22T10:00:00Z");
        Path file = dir.resolve("latency.hlog");
        try (LatencyLog log = LatencyLog.create(file, start)) {
            for (int second = 0; second < 3; second++) {
                Histogram h = new Histogram(3);
                for (int i = 1; i <= 100; i++) {
                    h.recordValue(i * 1000L * (second + 1));
                }
                log.append(h, second, second + 1);
            }
        }

        List<Histogram> intervals = LatencyLog.read(file);
        assertThat(intervals).hasSize(3);
        assertThat(intervals.get(2).getTotalCount()).isEqualTo(100);
        assertThat(intervals.get(2).getValueAtPercentile(50)).isBetween(149_000L, 151_000L);
        assertThat(intervals.get(1).getStartTimeStamp()).isEqualTo(start.toEpochMilli() + 1000);
        assertThat(intervals.get(1).getEndTimeStamp()).isEqualTo(start.toEpochMilli() + 2000);
        assertThat(Files.readString(file)).contains("values in microseconds").contains("#[StartTime: 1795341600.000");
    }
}
