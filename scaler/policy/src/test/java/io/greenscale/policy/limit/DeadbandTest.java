package io.greenscale.policy.limit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadbandTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            one more of ten is within 10%              | 10 | 11 | 0.1 | 10
            two more of ten is outside                 | 10 | 12 | 0.1 | 12
            one fewer of ten is within                 | 10 |  9 | 0.1 | 10
            small counts move by one                   |  2 |  3 | 0.1 |  3
            zero tolerance always moves                | 10 | 11 | 0.0 | 11
            scaling from zero is never held            |  0 |  1 | 0.5 |  1
            scaling to zero is never held              |  1 |  0 | 0.99 | 0
            """)
    void holds_small_changes(String name, int current, int recommended, double tolerance, int expected) {
        assertThat(Deadband.apply(current, recommended, tolerance)).isEqualTo(expected);
    }
}
