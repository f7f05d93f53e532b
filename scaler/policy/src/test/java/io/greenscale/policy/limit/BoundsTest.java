package io.greenscale.policy.limit;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscale.policy.limit.Bounds.Rule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BoundsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            inside the bounds passes through                       | 4 |  5 | 1 | 10 | 0 | false | false | true  | 5  | NONE
            above max is lowered to max                            | 4 | 15 | 1 | 10 | 0 | false | false | true  | 10 | MAX_REPLICAS
            below min is raised to min                             | 4 |  0 | 2 | 10 | 0 | false | false | true  | 2  | MIN_REPLICAS
            busy floor keeps replicas that hold work               | 6 |  2 | 1 | 10 | 5 | false | false | true  | 5  | BUSY_FLOOR
            max wins over the busy floor                           | 6 |  2 | 1 |  4 | 5 | false | false | true  | 4  | MAX_REPLICAS
            idle long enough scales to zero                        | 3 |  3 | 1 | 10 | 0 | true  | true  | false | 0  | SCALE_TO_ZERO
            idle long enough scales to zero even if limits said 0  | 1 |  0 | 1 | 10 | 0 | true  | true  | false | 0  | SCALE_TO_ZERO
            idle but not long enough keeps min                     | 3 |  0 | 1 | 10 | 0 | true  | false | false | 1  | MIN_REPLICAS
            at zero with no work stays at zero                     | 0 |  0 | 2 | 10 | 0 | true  | false | false | 0  | NONE
            work at zero activates to min                          | 0 |  0 | 2 | 10 | 0 | true  | false | true  | 2  | ACTIVATION
            work at zero activates to the recommendation if higher | 0 |  4 | 2 | 10 | 0 | true  | false | true  | 4  | NONE
            without scale to zero, zero is raised to min           | 0 |  0 | 1 | 10 | 0 | false | false | false | 1  | MIN_REPLICAS
            """)
    void bounds(String name, int current, int desired, int min, int max, int busyFloor, boolean zeroEnabled,
                boolean idleLongEnough, boolean work, int expected, Rule rule) {
        Bounds.Result r = Bounds.apply(current, desired, min, max, busyFloor, zeroEnabled, idleLongEnough, work);
        assertThat(r.replicas()).isEqualTo(expected);
        assertThat(r.rule()).isEqualTo(rule);
    }
}
