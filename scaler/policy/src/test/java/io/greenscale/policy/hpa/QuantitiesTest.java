package io.greenscale.policy.hpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QuantitiesTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("plain integer", 80, 80_000L),
                Arguments.of("integer string", "15", 15_000L),
                Arguments.of("milli suffix", "500m", 500L),
                Arguments.of("decimal", "0.9", 900L),
                Arguments.of("kilo", "1.5k", 1_500_000L),
                Arguments.of("binary suffix", "1Ki", 1_024_000L),
                Arguments.of("exponent", "1e3", 1_000_000L),
                Arguments.of("sub-milli rounds up like MilliValue", "0.0001", 1L),
                Arguments.of("not a quantity", "lots", null),
                Arguments.of("too large for a long", "1E", null),
                Arguments.of("not a string or number", true, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesToMilli(String name, Object value, Long milli) {
        assertThat(Quantities.parseMilli(value)).isEqualTo(milli);
    }
}
