package io.greenscale.loadgen.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenscale.policy.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TraceReaderTest {

    @TempDir
    Path dir;

    Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void perRequestTraceCarriesTimesTokensAndColumns() throws IOException {
        Trace t = TraceReader.read(file("req.csv", """
                # an LLM trace
                t_ms,input_tokens,output_tokens,model
                0,120,30,small
                250.5,900,,large

                1999,64,8,small
                """));

        RequestTrace r = (RequestTrace) t;
        assertThat(r.format()).isEqualTo("requests");
        assertThat(r.size()).isEqualTo(3);
        assertThat(r.atNanos(1)).isEqualTo(250_500_000L);
        assertThat(r.inputTokens(1)).isEqualTo(900);
        assertThat(r.outputTokens(1)).as("blank cell").isEqualTo(-1);
        assertThat(r.cell(2, r.columnIndex("model"))).isEqualTo("small");
        assertThat(r.columns()).containsExactly("t_ms", "input_tokens", "output_tokens", "model");
        assertThat(r.countsPerSecond()).containsExactly(2, 1);
        assertThat(r.duration()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void tokenAliasesAndSecondsAreRecognised() throws IOException {
        RequestTrace r = (RequestTrace) TraceReader.read(file("azure.csv", "t_s,prompt_tokens,completion_tokens\n0.5,10,20\n1.25,11,21\n"));
        assertThat(r.atNanos(1)).isEqualTo(1_250_000_000L);
        assertThat(r.inputTokens(0)).isEqualTo(10);
        assertThat(r.outputTokens(1)).isEqualTo(21);
    }

    @Test
    void epochTimestampsStartAtZero() throws IOException {
        RequestTrace r = (RequestTrace) TraceReader.read(file("epoch.csv", "t_ms\n1700000000000\n1700000001500\n"));
        assertThat(r.atNanos(0)).isZero();
        assertThat(r.atNanos(1)).isEqualTo(1_500_000_000L);
    }

    @Test
    void countSeriesBucketsRunToTheNextRow() throws IOException {
        CountTrace c = (CountTrace) TraceReader.read(file("counts.csv", "t_s,requests\n0,60\n60,120\n120,30\n"));
        assertThat(c.format()).isEqualTo("counts");
        assertThat(c.rateAtSeconds(30)).isEqualTo(1.0);
        assertThat(c.rateAtSeconds(61)).isEqualTo(2.0);
        assertThat(c.duration()).as("the last bucket is as wide as the one before").isEqualTo(Duration.ofSeconds(180));
        assertThat(c.totalRequests()).isEqualTo(210);
    }

    @Test
    void plainListIsRequestsPerSecond() throws IOException {
        CountTrace c = (CountTrace) TraceReader.read(file("rates.txt", "10\n20.5\n0\n"));
        assertThat(c.format()).isEqualTo("rates");
        assertThat(c.rateAtSeconds(1.5)).isEqualTo(20.5);
        assertThat(c.duration()).isEqualTo(Duration.ofSeconds(3));
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of("a word where a time belongs", "t_ms,x\n0,a\nsoon,b\n", "line 3: t_ms = \"soon\": must be a number >= 0"),
                Arguments.of("times going backwards", "t_ms\n100\n50\n", "line 3: t_ms = 50: earlier than the row before"),
                Arguments.of("negative count", "t_s,requests\n0,5\n1,-2\n", "line 3: requests = \"-2\": must be a number >= 0"),
                Arguments.of("bucket starts not increasing", "t_s,requests\n0,5\n0,2\n", "line 3: t_s = 0.0: must be greater than the row before"),
                Arguments.of("fractional tokens", "t_ms,input_tokens\n0,1.5\n", "line 2: input_tokens = \"1.5\": must be a whole number >= 0"),
                Arguments.of("missing cell", "t_ms,extra,input_tokens\n0,a\n", "line 2: input_tokens is missing (the row has 2 columns)"),
                Arguments.of("unknown header", "time,value\n1,2\n", "line 1: header time,value is not a trace header"),
                Arguments.of("two numbers without a header", "1,2\n", "line 1: a trace without a header must hold one number per line"),
                Arguments.of("header but no rows", "t_ms,input_tokens\n", "line 2: the trace holds a header but no rows"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void badTracesNameTheFileLineAndValue(String name, String text, String message) throws IOException {
        Path f = file("bad.csv", text);
        assertThatThrownBy(() -> TraceReader.read(f))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("trace " + f + " " + message);
    }
}
