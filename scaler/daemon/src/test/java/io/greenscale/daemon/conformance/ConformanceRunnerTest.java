package io.greenscale.daemon.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The runner must be able to fail: wrong expectations fail, malformed vectors stop the run with file and id. */
class ConformanceRunnerTest {
    @TempDir
    Path dir;

    private Path file(String name, String vectors) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, "{\"schema\": \"hpa-vectors/1\", \"vectors\": [" + vectors + "]}");
        return f;
    }

    private static String clamp(String id, String expected) {
        return """
                {"id": "%s", "kind": "legacy.clamp", "source": {"file": "f", "test": "TestConvertDesiredReplicasWithRules"},
                 "config": {"scaleUpLimitFactor": 8.0, "scaleUpLimitMinimum": 4.0},
                 "input": {"currentReplicas": 3, "desiredReplicas": 1000, "minReplicas": 1, "maxReplicas": 2000},
                 "expected": %s}""".formatted(id, expected);
    }

    static Stream<Arguments> wrongExpectations() {
        return Stream.of(
                Arguments.of("wrong replica count", clamp("w1", "{\"replicas\": 25, \"reason\": \"ScaleUpLimit\"}"),
                        "replicas: expected 25, actual 24"),
                Arguments.of("wrong reason", clamp("w2", "{\"replicas\": 24, \"reason\": \"TooManyReplicas\"}"),
                        "reason: expected \"TooManyReplicas\", actual \"ScaleUpLimit\""),
                Arguments.of("a key the emulation does not produce", clamp("w3", "{\"replicas\": 24, \"utilization\": 5}"),
                        "utilization: expected 5, actual (not produced)"),
                Arguments.of("an error expected where the emulation succeeds", clamp("w4", "{\"error\": \"missing request\"}"),
                        "error: expected an error containing \"missing request\""),
                Arguments.of("unknown kind is a failure, not a skip", """
                        {"id": "w5", "kind": "replica.containerResource", "input": {}, "expected": {"replicas": 1}}""",
                        "kind: expected one of"),
                Arguments.of("a condition too many", """
                        {"id": "w6", "kind": "controller.reconcile", "config": {},
                         "input": {"hpa": {"minReplicas": 3, "maxReplicas": 5, "metrics": []}, "scale": {"specReplicas": 10}},
                         "expected": {"desiredReplicas": 5, "conditions": {"AbleToScale": {"status": "True", "reason": "SucceededRescale"},
                                      "ScalingLimited": {"status": "True", "reason": "TooManyReplicas"}}}}""",
                        "conditions: expected"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongExpectations")
    void aWrongExpectationFailsWithExpectedAndActual(String name, String vector, String line) throws Exception {
        ConformanceReport report = new ConformanceRunner().run(List.of(file("wrong.json", vector)));

        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.failures().getFirst().failureLine()).startsWith("FAIL w").contains(line);
    }

    @Test
    void numbersCompareByValueAndNullRecommendationsAreNotAsserted() throws Exception {
        String v = """
                {"id": "n1", "kind": "behavior.stabilize", "input": {"currentReplicas": 2, "desiredReplicas": 1,
                 "scaleUpStabilizationWindowSeconds": 300, "scaleDownStabilizationWindowSeconds": 300,
                 "recommendations": [{"replicas": 3, "timestampSec": -180.0}]},
                 "expected": {"stabilizedReplicas": 2.0, "recommendationsAfter": null}}""";

        assertThat(new ConformanceRunner().run(List.of(file("n.json", v))).failed()).isZero();
    }

    @Test
    void anExpectedErrorMatchesBySubstring() throws Exception {
        String v = """
                {"id": "e1", "kind": "replica.externalAverageValue", "input": {"statusReplicas": 1, "metricValuesMilli": [],
                 "targetAverageValueMilli": 1000}, "expected": {"error": "no metrics returned"}}""";

        assertThat(new ConformanceRunner().run(List.of(file("e.json", v))).passed()).isEqualTo(1);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("missing required input", clamp("m1", "{}").replace("\"currentReplicas\": 3, ", ""), "vector m1: input.currentReplicas: is required"),
                Arguments.of("wrong type", clamp("m2", "{}").replace("\"minReplicas\": 1", "\"minReplicas\": \"one\""),
                        "vector m2: input.minReplicas: must be an integer in int32 range, got \"one\""),
                Arguments.of("bad pod phase", """
                        {"id": "m3", "kind": "podGrouping", "input": {"pods": [{"name": "a", "phase": "Sleeping"}]}, "expected": {}}""",
                        "vector m3: input.pods[0].phase: must be Running, Pending, Failed, Succeeded or Unknown"),
                Arguments.of("no id", "{\"kind\": \"legacy.clamp\", \"input\": {}, \"expected\": {}}", "vector #0: \"id\" must be a non-empty string"),
                Arguments.of("no expected", "{\"id\": \"m5\", \"kind\": \"legacy.clamp\", \"input\": {}}", "vector m5: \"expected\" must be an object"),
                Arguments.of("duplicate id", clamp("d", "{}") + "," + clamp("d", "{}"), "vector d: duplicate id"),
                Arguments.of("bad scale-from-zero mode", clamp("m7", "{}").replace("\"scaleUpLimitFactor\": 8.0", "\"scaleFromZeroMode\": \"sometimes\""),
                        "vector m7: config.scaleFromZeroMode: must be \"legacy\" or \"scaledToZeroCondition\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aMalformedVectorNamesFileAndId(String name, String vector, String message) throws IOException {
        Path f = file("bad.json", vector);

        assertThatThrownBy(() -> new ConformanceRunner().run(List.of(f)))
                .isInstanceOf(MalformedVectorException.class)
                .hasMessageStartingWith(f.toString())
                .hasMessageContaining(message);
    }

    @Test
    void aFileThatIsNotJsonOrNotTheFormatIsRejected() throws IOException {
        Path notJson = dir.resolve("x.json");
        Files.writeString(notJson, "{\"schema\": ");
        Path otherSchema = dir.resolve("y.json");
        Files.writeString(otherSchema, "{\"schema\": \"hpa-vectors/2\", \"vectors\": []}");

        assertThatThrownBy(() -> new ConformanceRunner().run(List.of(notJson))).hasMessageContaining("x.json: not valid JSON");
        assertThatThrownBy(() -> new ConformanceRunner().run(List.of(otherSchema))).hasMessageContaining("schema must be \"hpa-vectors/1\"");
        assertThatThrownBy(() -> new ConformanceRunner().run(List.of(dir.resolve("missing.json")))).hasMessageContaining("cannot be read");
    }

    @Test
    void theExamplesOfTheFormatPass() throws Exception {
        Path examples = Path.of("../policy/src/test/resources/hpa-vectors/examples.json");

        assertThat(new ConformanceRunner().run(List.of(examples)).summaryLine()).isEqualTo("4 passed, 0 failed");
    }
}
