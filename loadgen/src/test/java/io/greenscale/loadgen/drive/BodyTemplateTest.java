package io.greenscale.loadgen.drive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BodyTemplateTest {

    static Stream<Arguments> renders() {
        return Stream.of(
                Arguments.of("no placeholder → the text as is", "{\"n\": 256}", Map.of(), "{\"n\": 256}"),
                Arguments.of("number column stays a number", "{\"inputs\": [[{input_tokens}]]}", Map.of("input_tokens", "900"),
                        "{\"inputs\": [[900]]}"),
                Arguments.of("string column inside quotes, escaped", "{\"user\": \"{user}\"}", Map.of("user", "a\"b\\c"),
                        "{\"user\": \"a\\\"b\\\\c\"}"),
                Arguments.of("absent value → null", "{\"k\": {input_tokens}}", Map.of(), "{\"k\": null}"),
                Arguments.of("seq and t_ms are always there", "{\"seq\": {seq}, \"at\": {t_ms}}", Map.of(), "{\"seq\": 7, \"at\": 1500}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void renders(String name, String template, Map<String, String> row, String expected) {
        BodyTemplate t = BodyTemplate.parse(template, List.of("input_tokens", "user"), true);
        assertThat(t.render(row::get, 7, 1_500_000_000L)).isEqualTo(expected);
    }

    @Test
    void unknownPlaceholderListsWhatIsKnown() {
        assertThatThrownBy(() -> BodyTemplate.parse("{\"x\": {tokens}}", List.of("input_tokens"), true))
                .hasMessage("body placeholder {tokens} is not a column; known: {seq}, {t_ms}, {input_tokens}");
    }

    @Test
    void invalidJsonIsRejectedAtStartUp() {
        assertThatThrownBy(() -> BodyTemplate.parse("{\"n\": 256", List.of(), true))
                .hasMessageStartingWith("body is not valid JSON (with placeholders filled as 1): {\"n\": 256");
    }

    @Test
    void plainTextBodiesAreNotCheckedAsJson() {
        assertThat(BodyTemplate.parse("hello {seq}", List.of(), false).render(k -> null, 3, 0)).isEqualTo("hello 3");
    }
}
