package io.greenscale.loadgen.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ArrivalsTest {

    static long[] times(ArrivalStream a) {
        List<Long> out = new ArrayList<>();
        while (a.next()) {
            out.add(a.atNanos());
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    static int[] perSecond(long[] times, int seconds) {
        int[] counts = new int[seconds];
        for (long t : times) {
            counts[(int) (t / 1_000_000_000L)]++;
        }
        return counts;
    }

    static Stream<Arguments> poissonProfiles() {
        return Stream.of(
                Arguments.of("constant 1000/s", new ConstantProfile(1000, Duration.ofSeconds(200))),
                Arguments.of("ramp 0 → 2000/s", new RampProfile(0, 2000, Duration.ofSeconds(200))),
                Arguments.of("burst with silent low periods", new BurstProfile(0, 3000, Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(200))),
                Arguments.of("sine", new SineProfile(1000, 900, Duration.ofSeconds(37), Duration.ZERO, Duration.ofSeconds(200))),
                Arguments.of("spike of 50×", new SpikeProfile(200, 10_000, Duration.ofSeconds(50), Duration.ofSeconds(2), Duration.ofSeconds(200))));
    }

    /** Each 10 s window's count is Poisson with mean = the rate's integral; 5 σ keeps the test from flaking. */
    @ParameterizedTest(name = "poisson follows {0}")
    @MethodSource("poissonProfiles")
    void poissonCountsMatchTheRateIntegral(String name, Profile profile) {
        int[] counts = perSecond(times(Arrivals.poisson(profile, 7)), 200);
        for (int w = 0; w < 200; w += 10) {
            double expected = 0;
            for (int k = 0; k < 10_000; k++) {
                expected += profile.rateAtSeconds(w + (k + 0.5) / 1000.0) / 1000.0;
            }
            int actual = 0;
            for (int s = w; s < w + 10; s++) {
                actual += counts[s];
            }
            assertThat((double) actual).as("window %d s", w).isCloseTo(expected, within(5 * Math.sqrt(expected) + 1));
        }
    }

    @Test
    void poissonGapsAreExponential() {
        long[] t = times(Arrivals.poisson(new ConstantProfile(500, Duration.ofSeconds(400)), 3));
        double mean = (t[t.length - 1] - t[0]) / (double) (t.length - 1);
        double sumSquares = 0;
        for (int i = 1; i < t.length; i++) {
            double d = t[i] - t[i - 1] - mean;
            sumSquares += d * d;
        }
        double cv = Math.sqrt(sumSquares / (t.length - 2)) / mean;
        assertThat(mean).isCloseTo(2e6, within(2e6 * 0.01));
        assertThat(cv).as("coefficient of variation of an exponential").isCloseTo(1.0, within(0.02));
    }

    @Test
    void sameSeedSameArrivalsOtherSeedOthers() {
        Profile p = new RampProfile(10, 300, Duration.ofSeconds(30));
        assertThat(times(Arrivals.poisson(p, 11))).containsExactly(times(Arrivals.poisson(p, 11)));
        assertThat(times(Arrivals.poisson(p, 12))).isNotEqualTo(times(Arrivals.poisson(p, 11)));
    }

    @Test
    void arrivalsAreOrderedAndInsideTheDuration() {
        long[] t = times(Arrivals.poisson(ProfileRatesTest.CHAIN, 5));
        assertThat(t).isSorted();
        assertThat(t[t.length - 1]).isLessThan(Duration.ofSeconds(110).toNanos());
    }

    @Test
    void uniformConstantGivesExactCountsAndEvenSpacing() {
        long[] t = times(Arrivals.uniform(new ConstantProfile(100, Duration.ofSeconds(20))));
        assertThat(perSecond(t, 20)).containsOnly(100);
        assertThat(t[0]).isEqualTo(5_000_000L);
        for (int i = 1; i < t.length; i++) {
            assertThat(t[i] - t[i - 1]).isCloseTo(10_000_000L, within(2L));
        }
    }

    @Test
    void uniformFollowsARampSecondBySecond() {
        Profile ramp = new RampProfile(0, 1000, Duration.ofSeconds(10));
        int[] counts = perSecond(times(Arrivals.uniform(ramp)), 10);
        for (int s = 0; s < 10; s++) {
            assertThat((double) counts[s]).as("second %d", s).isCloseTo(100 * s + 50, within(1.0));
        }
    }

    @Test
    void uniformSkipsSilentPeriods() {
        Profile burst = new BurstProfile(0, 10, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(9));
        assertThat(perSecond(times(Arrivals.uniform(burst)), 9)).containsExactly(0, 0, 10, 0, 0, 10, 0, 0, 10);
    }

    static final RequestTrace TRACE = RequestTrace.ofTimes(
            100_000_000L, 200_000_000L, 900_000_000L, 1_100_000_000L, 2_500_000_000L, 3_000_000_000L, 3_999_000_000L);

    @Test
    void replayReproducesTheTraceExactly() {
        assertThat(times(Arrivals.replay(TRACE, 1, 1))).containsExactly(
                100_000_000L, 200_000_000L, 900_000_000L, 1_100_000_000L, 2_500_000_000L, 3_000_000_000L, 3_999_000_000L);
    }

    static Stream<Arguments> scalings() {
        return Stream.of(
                Arguments.of("time scale 0.5 squeezes two seconds into one", 1.0, 0.5, new int[] {4, 3}),
                Arguments.of("time scale 2 stretches each second over two", 1.0, 2.0, new int[] {2, 1, 1, 0, 0, 1, 1, 1}),
                Arguments.of("rate scale 2 sends each request twice", 2.0, 1.0, new int[] {6, 2, 2, 4}),
                Arguments.of("rate 3 and time 0.5 together", 3.0, 0.5, new int[] {12, 9}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scalings")
    void replayPerSecondCountsFollowTheScaledTrace(String name, double rateScale, double timeScale, int[] expected) {
        int[] counts = perSecond(times(Arrivals.replay(TRACE, rateScale, timeScale)), expected.length);
        assertThat(counts).containsExactly(expected);
        // The trace as a profile predicts the same counts wherever a scaled second holds whole original seconds.
        Profile asProfile = TRACE.scaled(rateScale, timeScale);
        for (int s = 0; s < expected.length && timeScale <= 1; s++) {
            double integral = 0;
            for (int k = 0; k < 1000; k++) {
                integral += asProfile.rateAtSeconds(s + (k + 0.5) / 1000) / 1000;
            }
            assertThat(integral).isCloseTo(expected[s], within(1e-6));
        }
    }

    @Test
    void copiesAreSpreadOverTheGapToTheNextRequest() {
        long[] t = times(Arrivals.replay(RequestTrace.ofTimes(0, 1_000_000L), 4, 1));
        assertThat(t).containsExactly(0, 250_000, 500_000, 750_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000);
    }

    @Test
    void fractionalRateScaleThinsReproduciblyAndInProportion() {
        long[] many = new long[100_000];
        for (int i = 0; i < many.length; i++) {
            many[i] = i * 1_000_000L;
        }
        RequestTrace big = RequestTrace.ofTimes(many);
        long[] kept = times(Arrivals.replay(big, 0.3, 1, 9));
        assertThat((double) kept.length).isCloseTo(30_000, within(5 * Math.sqrt(100_000 * 0.3 * 0.7)));
        assertThat(times(Arrivals.replay(big, 0.3, 1, 9))).containsExactly(kept);
        assertThat(kept).isSorted();
    }

    @Test
    void replayCarriesTokensAndColumns() throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("trace", ".csv");
        java.nio.file.Files.writeString(f, "t_ms,input_tokens,output_tokens,user\n0,10,1,ann\n5,20,2,bob\n");
        ArrivalStream a = Arrivals.replay(TraceReader.read(f), 1, 1);
        assertThat(a.next()).isTrue();
        assertThat(a.inputTokens()).isEqualTo(10);
        assertThat(a.column("user")).isEqualTo("ann");
        assertThat(a.next()).isTrue();
        assertThat(a.outputTokens()).isEqualTo(2);
        assertThat(a.column("user")).isEqualTo("bob");
        assertThat(a.column("nope")).isNull();
        assertThat(a.columns()).contains("user");
        assertThat(a.next()).isFalse();
        java.nio.file.Files.delete(f);
    }

    @Test
    void countReplayPlacesEachBucketsScaledCountInsideIt() {
        CountTrace counts = CountTrace.perSecond(3, 0, 7, 100);
        long[] t = times(Arrivals.replay(counts, 2, 0.5));
        assertThat(t).isSorted();
        // Time scale 0.5: bucket k now covers [k/2, (k+1)/2) s.
        int[] perHalfSecond = new int[4];
        for (long x : t) {
            perHalfSecond[(int) (x / 500_000_000L)]++;
        }
        assertThat(perHalfSecond).containsExactly(6, 0, 14, 200);
    }

    @Test
    void countReplayIsDeterministicPerSeed() {
        CountTrace counts = CountTrace.perSecond(50, 50.5, 49.2);
        assertThat(times(Arrivals.replay(counts, 1, 1, 4))).containsExactly(times(Arrivals.replay(counts, 1, 1, 4)));
    }

    @Test
    void untilCutsTheStream() {
        long[] t = times(Arrivals.until(Arrivals.uniform(new ConstantProfile(10, Duration.ofSeconds(10))), Duration.ofSeconds(2)));
        assertThat(t).hasSize(20);
    }
}
