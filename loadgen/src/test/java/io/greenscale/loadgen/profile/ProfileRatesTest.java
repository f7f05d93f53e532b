package io.greenscale.loadgen.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProfileRatesTest {

    static Duration s(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    static final Profile RAMP = new RampProfile(10, 110, Duration.ofSeconds(100));
    static final Profile BURST = new BurstProfile(5, 50, Duration.ofSeconds(8), Duration.ofSeconds(2), Duration.ofSeconds(60));
    static final Profile SPIKE = new SpikeProfile(20, 200, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(60));
    static final Profile DIURNAL = SineProfile.diurnal(10, 150, Duration.ofHours(24), Duration.ofHours(14), Duration.ofHours(24));
    static final Profile STEP = StepProfile.of(40, 160, Duration.ofSeconds(120), Duration.ofSeconds(600));
    static final Profile CHAIN = new ChainProfile(List.of(new ConstantProfile(50, Duration.ofSeconds(10)), RAMP));

    static Stream<Arguments> rates() {
        return Stream.of(
                Arguments.of("constant inside its duration → its rate", new ConstantProfile(7, Duration.ofSeconds(5)), 4.999, 7),
                Arguments.of("constant at its end → zero", new ConstantProfile(7, Duration.ofSeconds(5)), 5, 0),
                Arguments.of("ramp halfway → midpoint of from and to", RAMP, 50, 60),
                Arguments.of("ramp at the start → from", RAMP, 0, 10),
                Arguments.of("step before the step → from", STEP, 119.9, 40),
                Arguments.of("step at the step → to", STEP, 120, 160),
                Arguments.of("burst starts low", BURST, 0, 5),
                Arguments.of("burst high after its low period", BURST, 8.5, 50),
                Arguments.of("burst repeats: low again in the second period", BURST, 10.1, 5),
                Arguments.of("spike before it → base", SPIKE, 29.9, 20),
                Arguments.of("spike inside → peak", SPIKE, 32, 200),
                Arguments.of("spike after its width → base", SPIKE, 35, 20),
                Arguments.of("diurnal at its peak hour → max", DIURNAL, 14 * 3600, 150),
                Arguments.of("diurnal twelve hours from the peak → min", DIURNAL, 2 * 3600, 10),
                Arguments.of("chain: first segment", CHAIN, 9, 50),
                Arguments.of("chain: second segment sees its own time", CHAIN, 60, 60),
                Arguments.of("chain after its total duration → zero", CHAIN, 110, 0),
                Arguments.of("time scale 0.5: ramp midpoint reached at 25 s, rate doubled", RAMP.scaled(1, 0.5), 25, 120),
                Arguments.of("rate scale 3 triples the rate", RAMP.scaled(3, 1), 50, 180),
                Arguments.of("scaled past its shortened duration → zero", RAMP.scaled(1, 0.5), 50, 0),
                Arguments.of("negative time → zero", RAMP, -1, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rates")
    void rateAt(String name, Profile profile, double atSeconds, double expectedPerSecond) {
        assertThat(profile.rateAt(s(atSeconds))).isCloseTo(expectedPerSecond, within(1e-6));
        assertThat(profile.rateAtSeconds(atSeconds)).isCloseTo(expectedPerSecond, within(1e-6));
    }

    static Stream<Arguments> durations() {
        return Stream.of(
                Arguments.of("step: the sum of its holds", STEP, Duration.ofSeconds(600)),
                Arguments.of("chain: the sum of its segments", CHAIN, Duration.ofSeconds(110)),
                Arguments.of("time scale 0.25 shortens to a quarter", CHAIN.scaled(2, 0.25), Duration.ofMillis(27_500)),
                Arguments.of("nested scalings fold into one", RAMP.scaled(1, 0.5).scaled(1, 0.5), Duration.ofSeconds(25)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("durations")
    void duration(String name, Profile profile, Duration expected) {
        assertThat(profile.duration()).isEqualTo(expected);
    }

    static Stream<Arguments> profiles() {
        return Stream.of(
                Arguments.of("ramp up", RAMP),
                Arguments.of("ramp down", new RampProfile(300, 0, Duration.ofSeconds(30))),
                Arguments.of("burst", BURST),
                Arguments.of("spike", SPIKE),
                Arguments.of("sine", new SineProfile(100, 80, Duration.ofSeconds(7), Duration.ofSeconds(2), Duration.ofSeconds(60))),
                Arguments.of("diurnal", DIURNAL),
                Arguments.of("step", STEP),
                Arguments.of("chain", CHAIN),
                Arguments.of("scaled chain", CHAIN.scaled(0.3, 2)),
                Arguments.of("count trace", CountTrace.perSecond(3, 0, 9, 4, 100, 0, 2)),
                Arguments.of("request trace", RequestTrace.ofTimes(0, 1_000_000, 1_500_000_000L, 1_600_000_000L, 4_000_000_000L)));
    }

    /** Thinning is exact only if peakRate never under-states the rate; a miss would silently lose arrivals. */
    @ParameterizedTest(name = "{0}: peak rate bounds every rate in the window")
    @MethodSource("profiles")
    void peakRateBoundsTheRate(String name, Profile profile) {
        SplittableRandom random = new SplittableRandom(42);
        double end = profile.durationSeconds();
        for (int i = 0; i < 2_000; i++) {
            double from = random.nextDouble(-0.1 * end, end);
            double to = from + random.nextDouble(0, Math.min(end / 5, 1.0));
            double bound = profile.peakRate(from, to);
            for (int k = 0; k <= 50; k++) {
                double t = from + (to - from) * k / 50;
                assertThat(profile.rateAtSeconds(t)).as("rate at %s within [%s, %s]", t, from, to).isLessThanOrEqualTo(bound + 1e-9);
            }
        }
    }
}
