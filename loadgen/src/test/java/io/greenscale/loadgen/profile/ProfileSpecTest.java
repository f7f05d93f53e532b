package io.greenscale.loadgen.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.greenscale.policy.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProfileSpecTest {

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String text) {
        try {
            return new ObjectMapper(new YAMLFactory()).readValue(text, Map.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Profile read(String text) {
        return ProfileSpec.read(yaml(text), "workload", null);
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("constant", "{profile: constant, rate: 200, duration: 60s}",
                        new ConstantProfile(200, Duration.ofSeconds(60))),
                Arguments.of("ramp", "{profile: ramp, from: 10, to: 500, duration: 5m}",
                        new RampProfile(10, 500, Duration.ofMinutes(5))),
                Arguments.of("step given as from/to/at", "{profile: step, from: 40, to: 160, at: 2m, duration: 10m}",
                        StepProfile.of(40, 160, Duration.ofMinutes(2), Duration.ofMinutes(10))),
                Arguments.of("step given as levels", "{profile: step, levels: [10, 20], hold: 30s}",
                        new StepProfile(List.of(new StepProfile.Step(10, Duration.ofSeconds(30)), new StepProfile.Step(20, Duration.ofSeconds(30))))),
                Arguments.of("burst", "{profile: burst, low: 5, high: 50, low_for: 8s, high_for: 2s, duration: 1m}",
                        new BurstProfile(5, 50, Duration.ofSeconds(8), Duration.ofSeconds(2), Duration.ofMinutes(1))),
                Arguments.of("sine", "{profile: sine, mean: 100, amplitude: 40, period: 10m, duration: 1h}",
                        new SineProfile(100, 40, Duration.ofMinutes(10), Duration.ZERO, Duration.ofHours(1))),
                Arguments.of("diurnal defaults to a 24 h day peaking at 14:00", "{profile: diurnal, min: 10, max: 150}",
                        SineProfile.diurnal(10, 150, Duration.ofHours(24), Duration.ofHours(14), Duration.ofHours(24))),
                Arguments.of("spike", "{profile: spike, base: 50, peak: 500, at: 3m, width: 20s, duration: 8m}",
                        new SpikeProfile(50, 500, Duration.ofMinutes(3), Duration.ofSeconds(20), Duration.ofMinutes(8))),
                Arguments.of("chain with a scaled segment",
                        "{profile: chain, segments: [{profile: constant, rate: 5, duration: 1s}, {profile: ramp, from: 1, to: 2, duration: 4s, rate_scale: 10}]}",
                        new ChainProfile(List.of(new ConstantProfile(5, Duration.ofSeconds(1)),
                                new RampProfile(1, 2, Duration.ofSeconds(4)).scaled(10, 1)))),
                Arguments.of("time_scale on any profile", "{profile: constant, rate: 10, duration: 10s, time_scale: 0.5}",
                        new ScaledProfile(new ConstantProfile(10, Duration.ofSeconds(10)), 1, 0.5)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void readsEachProfile(String name, String text, Profile expected) {
        assertThat(read(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: spec() reads back as an equal profile")
    @MethodSource("valid")
    void specRoundTrips(String name, String text, Profile expected) {
        assertThat(ProfileSpec.read(expected.spec(), "workload", null)).isEqualTo(expected);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("negative rate names key, value and range", "{profile: ramp, from: 10, to: -5, duration: 1m}",
                        "workload.to = -5: must be in [0, ∞)"),
                Arguments.of("missing profile lists the kinds", "{rate: 5}",
                        "workload.profile: is required (one of constant, step, ramp, burst, sine, diurnal, spike, chain, trace)"),
                Arguments.of("unknown profile lists the kinds", "{profile: sawtooth}",
                        "workload.profile = \"sawtooth\": must be one of constant, step, ramp, burst, sine, diurnal, spike, chain, trace"),
                Arguments.of("missing key", "{profile: constant, rate: 5}", "workload.duration: is required"),
                Arguments.of("bad duration", "{profile: constant, rate: 5, duration: soon}",
                        "workload.duration = \"soon\": must be a duration such as 30s, 5m or 250ms"),
                Arguments.of("typo suggests the key", "{profile: constant, rate: 5, duraton: 1m}",
                        "workload.duraton: unknown key (did you mean duration?)"),
                Arguments.of("nested error carries the segment's path",
                        "{profile: chain, segments: [{profile: constant, rate: 1, duration: 1s}, {profile: constant, rate: x, duration: 1s}]}",
                        "workload.segments[1].rate = \"x\": must be a number in [0, ∞)"),
                Arguments.of("amplitude above the mean", "{profile: sine, mean: 10, amplitude: 20, period: 1m, duration: 1m}",
                        "workload.amplitude = 20: must be in [0, 10]"),
                Arguments.of("step after the end", "{profile: step, from: 1, to: 2, at: 2m, duration: 1m}",
                        "workload.at = \"2m\": must be before duration (1m)"),
                Arguments.of("zero time scale", "{profile: constant, rate: 5, duration: 1m, time_scale: 0}",
                        "workload.time_scale = 0: must be in (0, ∞)"),
                Arguments.of("missing trace file", "{profile: trace, file: /nonexistent/t.csv}",
                        "workload.file: trace /nonexistent/t.csv: no such file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsBadInput(String name, String text, String message) {
        assertThatThrownBy(() -> read(text))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).anySatisfy(p -> assertThat(p).startsWith(message)));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> read("{profile: burst, low: -1, high: x, low_for: 1s, duration: 1m}"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "workload.low = -1: must be in [0, ∞)",
                        "workload.high = \"x\": must be a number in [0, ∞)",
                        "workload.high_for: is required"));
    }

    @Test
    void readsAFileAndResolvesTracesNextToIt() throws IOException {
        Files.writeString(dir.resolve("rates.txt"), "5\n10\n");
        Path file = dir.resolve("w.yaml");
        Files.writeString(file, """
                profile: chain
                segments:
                  - {profile: constant, rate: 1, duration: 2s}
                  - {profile: trace, file: rates.txt, rate_scale: 2}
                """);

        Profile p = ProfileSpec.readFile(file);

        assertThat(p.duration()).isEqualTo(Duration.ofSeconds(4));
        assertThat(p.rateAtSeconds(3.5)).isEqualTo(20);
    }

    @Test
    void aCsvFileIsATrace() throws IOException {
        Path file = dir.resolve("counts.csv");
        Files.writeString(file, "t_s,requests\n0,4\n1,6\n");
        assertThat(ProfileSpec.readFile(file)).isInstanceOf(CountTrace.class);
    }

    @Test
    void invalidYamlNamesTheFileAndLine() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "profile: constant\nrate: [1,\n");
        assertThatThrownBy(() -> ProfileSpec.readFile(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad.yaml: not valid YAML");
    }

    @Test
    void builtInWorkloadsAllRead() {
        for (String name : Workloads.NAMES) {
            Profile p = Workloads.resolve(name);
            assertThat(p.duration()).as(name).isPositive();
        }
        assertThat(Workloads.resolve("step").rateAt(Duration.ofMinutes(3))).isEqualTo(160);
    }

    @Test
    void unknownWorkloadListsTheBuiltIns() {
        assertThatThrownBy(() -> Workloads.resolve("nope"))
                .hasMessage("workload \"nope\": neither a file nor a built-in workload (step, ramp, bursty, spike, diurnal)");
    }
}
