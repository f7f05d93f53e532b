package io.greenscale.daemon.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The transcribed upstream vectors, run through the same runner the CLI uses. */
class UpstreamVectorsTest {
    static final Path VECTORS = Path.of("../policy/src/test/resources/hpa-vectors/upstream.json");
    private static final Set<String> FORMAT_KINDS = Set.of(
            "replica.resourceUtilization", "replica.resourceAverageValue", "replica.podsAverageValue", "replica.objectValue",
            "replica.objectAverageValue", "replica.externalValue", "replica.externalAverageValue", "podGrouping",
            "legacy.stabilize", "legacy.clamp", "behavior.stabilize", "behavior.rateLimit", "behavior.limit", "events.store",
            "controller.reconcile", "controller.sequence");

    private static ConformanceReport report;
    private static JsonNode file;

    @BeforeAll
    static void run() throws MalformedVectorException, IOException {
        report = new ConformanceRunner().run(List.of(VECTORS));
        file = new ObjectMapper().readTree(VECTORS.toFile());
    }

    @Test
    void everyVectorPasses() {
        assertThat(report.failures()).extracting(VectorResult::failureLine).isEmpty();
        assertThat(report.summaryLine()).isEqualTo(report.results().size() + " passed, 0 failed");
    }

    @Test
    void atLeastEightyVectorsCoverEveryKindOfTheFormat() {
        assertThat(report.results()).hasSizeGreaterThanOrEqualTo(80);
        assertThat(report.byKind().keySet()).containsExactlyInAnyOrderElementsOf(FORMAT_KINDS);
        assertThat(ConformanceRunner.knownKinds()).containsExactlyInAnyOrderElementsOf(FORMAT_KINDS);
    }

    @Test
    void eachVectorNamesItsUpstreamTestAndDerivedOnesSayHow() {
        for (VectorResult r : report.results()) {
            JsonNode source = r.vector().source();
            assertThat(source).as(r.vector().id()).isNotNull();
            assertThat(source.path("test").asText()).as(r.vector().id()).isNotBlank();
            if (r.vector().derived()) {
                assertThat(source.path("case").asText() + source.path("remark").asText()).as(r.vector().id()).isNotBlank();
            } else {
                assertThat(source.path("file").asText()).as(r.vector().id()).startsWith("pkg/controller/podautoscaler/");
            }
        }
    }

    @Test
    void theFileDeclaresItsCountsPerKind() {
        Map<String, Long> declared = new TreeMap<>();
        file.get("counts").properties().forEach(e -> declared.put(e.getKey(), e.getValue().asLong()));
        Map<String, Long> actual = new TreeMap<>();
        report.byKind().forEach((kind, counts) -> actual.put(kind, counts[0] + counts[1]));

        assertThat(declared).isEqualTo(actual);
    }
}
