package io.greenscale.analysis.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscale.analysis.fixtures.SyntheticRuns;
import io.greenscale.analysis.run.RunData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriteTest {
    static final Instant NOW = Instant.parse("2026-11-22T10:15:00Z");

    @TempDir
    static Path tmp;
    static ReportResult result;
    static String html;

    @BeforeAll
    static void writeOnce() throws Exception {
        List<RunData> runs = SyntheticRuns.grid(2, 7, 3, 900);
        result = Report.write(tmp.resolve("compare"), runs, ReportOptions.compare(NOW));
        html = Files.readString(result.html());
    }

    @Test
    void writesEveryPlotOfEveryScenarioAsPngAndSvg() {
        for (String scenario : List.of("load-step", "ramp")) {
            for (String kind : List.of("replicas", "p95", "backlog", "cost-vs-slo")) {
                assertThat(tmp.resolve("compare/plots/" + scenario + "-" + kind + ".png")).isNotEmptyFile();
                assertThat(tmp.resolve("compare/plots/" + scenario + "-" + kind + ".svg")).isNotEmptyFile();
            }
        }
        assertThat(result.plots()).hasSize(8);
    }

    @Test
    void reportHtmlFetchesNothing() {
        assertThat(find("(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//")).as("a src or href that leaves the page").isNull();
        assertThat(find("url\\(\\s*(?!['\"]?#)")).as("a url(...) that is not a reference within the page").isNull();
        assertThat(find("<(link|script|iframe|img)\\b")).as("an element that loads something").isNull();
    }

    /** The first match with some context, or null: keeps a failure message short on a 1 MB page. */
    static String find(String regex) {
        var m = Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(html);
        return m.find() ? html.substring(Math.max(0, m.start() - 60), Math.min(html.length(), m.end() + 60)) : null;
    }

    @Test
    void reportHtmlHasTheExpectedSections() {
        assertThat(html).contains("id=\"headline\"", "id=\"scenario-load-step\"", "id=\"scenario-ramp\"", "id=\"runs\"",
                "id=\"definitions\"", "id=\"notes\"", "Load step ×3", "<svg", "SLO-violation seconds", "What the extra cost bought");
        assertThat(html.split("<svg", -1)).hasSize(9);
    }

    @Test
    void everySvgIsWellFormedScalableXml() throws Exception {
        var parser = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        parser.setNamespaceAware(true);
        // The .svg files name the SVG 1.1 DTD; nothing needs it fetched to check well-formedness.
        parser.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        for (var plot : result.plots()) {
            var svg = parser.newDocumentBuilder().parse(plot.svg().toFile()).getDocumentElement();
            assertThat(svg.getLocalName()).isEqualTo("svg");
            var inline = parser.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(plot.inlineSvg())))
                    .getDocumentElement();
            assertThat(inline.getAttribute("viewBox")).isEqualTo("0 0 960 420");
            assertThat(inline.getAttribute("width")).as("scales with the page").isEmpty();
        }
    }

    @Test
    void clipPathIdsAreUniqueAcrossTheInlinedCharts() {
        var ids = Pattern.compile("<clipPath id='([^']+)'").matcher(html).results().map(m -> m.group(1)).toList();
        assertThat(ids).isNotEmpty().doesNotHaveDuplicates();
    }

    @Test
    void summaryHasOneRowPerPolicyAndScenarioAndRunsOnePerRun() throws Exception {
        assertThat(Files.readAllLines(result.summaryCsv())).hasSize(1 + 2 * 7);
        assertThat(Files.readAllLines(result.runsCsv())).hasSize(1 + 2 * 7 * 3);
    }
}
