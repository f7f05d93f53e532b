package io.greenscale.policy.hpa.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ToleranceTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("ratio exactly 1.1 with interval test (v1.33+) → within", new Tolerances(0.1, 0.1, true), 1.1, true),
                Arguments.of("ratio exactly 1.1 with |1−r| test (before v1.33) → outside", new Tolerances(0.1, 0.1, false), 1.1, false),
                Arguments.of("ratio exactly 0.9 → within both ways", new Tolerances(0.1, 0.1, false), 0.9, true),
                Arguments.of("1% up tolerance, ratio 1.02 → outside", new Tolerances(0.1, 0.01, true), 1.02, false),
                Arguments.of("200% up tolerance, ratio 1.9 → within", new Tolerances(0.1, 2.0, true), 1.9, true),
                Arguments.of("36% down tolerance, ratio 0.65 → within", new Tolerances(0.36, 0.1, true), 0.65, true),
                Arguments.of("34% down tolerance, ratio 0.65 → outside", new Tolerances(0.34, 0.1, true), 0.65, false),
                Arguments.of("NaN ratio (0 ÷ 0 status replicas) → never within", Tolerances.of(0.1), Double.NaN, false),
                Arguments.of("infinite ratio (status replicas 0) → never within", Tolerances.of(0.1), Double.POSITIVE_INFINITY, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidesWithin(String name, Tolerances tolerances, double ratio, boolean within) {
        assertThat(tolerances.isWithin(ratio)).isEqualTo(within);
    }
}
