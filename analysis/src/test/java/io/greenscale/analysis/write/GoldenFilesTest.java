package io.greenscale.analysis.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.greenscale.analysis.fixtures.GoldenRuns;
import io.greenscale.analysis.run.RunData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files a fixed comparison produces, byte for byte. GoldenRuns says how each figure arises
 * (e.g. greenscale seed 1: 3590 of 3600 requests within the SLO → 0.9972; two seeds of 10 and 20
 * violation seconds → 15 ± 12.706 × 5 = 63.531).
 */
class GoldenFilesTest {
    static final Instant NOW = Instant.parse("2026-11-22T10:15:00Z");

    @TempDir
    Path tmp;

    static String golden(String name) throws IOException {
        try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    ReportResult write(ReportOptions options) {
        return Report.write(tmp.resolve("out"), GoldenRuns.all(), options.withPlots(false));
    }

    @Test
    void summaryCsvFromCompareHasOneRowPerPolicyWithMeanAndInterval() throws Exception {
        assertThat(Files.readString(write(ReportOptions.compare(NOW)).summaryCsv())).isEqualTo(golden("summary.csv"));
    }

    @Test
    void runsCsvHasOneRowPerRunWithEveryScorecardField() throws Exception {
        assertThat(Files.readString(write(ReportOptions.compare(NOW)).runsCsv())).isEqualTo(golden("runs.csv"));
    }

    @Test
    void summaryCsvFromReportHasOneRowPerRun() throws Exception {
        assertThat(Files.readString(write(ReportOptions.runs(NOW)).summaryCsv())).isEqualTo(golden("runs.csv"));
    }

    @Test
    void theTerminalTableHasABlockPerScenarioAndARowPerPolicy() throws Exception {
        String table = Report.table(write(ReportOptions.compare(NOW)).analysis());
        assertThat(table).isEqualTo(golden("table.txt"));
        assertThat(table.lines().mapToInt(String::length).max().orElseThrow()).isLessThanOrEqualTo(140);
    }

    @Test
    void scorecardJsonHoldsTheRunsCsvFieldsWithTypedValues() throws Exception {
        RunData run = GoldenRuns.all().get(3);
        Path dir = Files.createDirectories(tmp.resolve("run"));
        Report.writeScorecard(dir, run, ReportOptions.runs(NOW));
        JsonNode json = JsonMapper.builder().build().readTree(dir.resolve("scorecard.json").toFile());
        List<String> fields = List.copyOf(iterable(json.fieldNames()));
        assertThat(String.join(",", fields)).isEqualTo(golden("runs.csv").lines().findFirst().orElseThrow());
        assertThat(json.get("slo_attainment").doubleValue()).isEqualTo(0.9351);
        assertThat(json.get("dropped").longValue()).isEqualTo(100);
        assertThat(json.get("cost_vs_oracle").isNull()).as("one run alone has no oracle to compare with").isTrue();
        assertThat(json.get("latency_source").textValue()).isEqualTo("hlog");
    }

    static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
