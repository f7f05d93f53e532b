package io.greenscale.analysis.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MachineBoundsTest {

    static Stream<Arguments> machines() {
        return Stream.of(
                Arguments.of("2 cores and plenty of memory → the cores bind (4 per core)", 2, 22_000, 8),
                Arguments.of("16 cores, 3 GiB → the memory binds beside the 1 GiB reserve", 16, 3_072, 8),
                Arguments.of("a tiny box still runs one worker", 1, 900, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("machines")
    void holds_what_the_cores_and_the_available_memory_allow(String name, int cores, long mib, int expected) {
        assertThat(MachineBounds.of(cores, mib).maxWorkers()).isEqualTo(expected);
    }

    @Test
    void refusing_too_many_workers_says_what_the_machine_holds_and_why() {
        MachineBounds m = MachineBounds.of(2, 22_000);
        assertThat(m.refusal(8)).isNull();
        assertThat(m.refusal(12)).startsWith("--max 12: more workers than this machine holds at most 8 workers (2 cores × 4;")
                .contains("choose --max 8 or less");
    }
}
