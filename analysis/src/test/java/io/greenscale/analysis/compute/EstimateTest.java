package io.greenscale.analysis.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EstimateTest {

    @Test
    void halfWidthIsStudentsTTimesTheStandardError() {
        Estimate e = Estimate.of(List.of(1.0, 2.0, 3.0));
        // s = 1, n = 3, t(0.975, 2) = 4.302653
        assertThat(e.n()).isEqualTo(3);
        assertThat(e.mean()).isEqualTo(2.0);
        assertThat(e.ci95()).isCloseTo(4.302653 / Math.sqrt(3), within(1e-6));
    }

    @Test
    void fiveSeedsUseFourDegreesOfFreedom() {
        Estimate e = Estimate.of(List.of(10.0, 12.0, 11.0, 13.0, 9.0));
        // s = 1.5811, t(0.975, 4) = 2.776445
        assertThat(e.ci95()).isCloseTo(2.776445 * Math.sqrt(2.5) / Math.sqrt(5), within(1e-6));
    }

    @Test
    void oneRunHasAMeanButNoInterval() {
        assertThat(Estimate.of(List.of(7.0))).isEqualTo(new Estimate(1, 7.0, null));
    }

    @Test
    void runsWithoutTheFigureAreLeftOut() {
        assertThat(Estimate.of(Arrays.asList(null, 4.0, null, 6.0)).n()).isEqualTo(2);
        assertThat(Estimate.of(Arrays.asList(null, null))).isEqualTo(Estimate.NONE);
    }

    @Test
    void identicalRunsHaveAZeroWidthInterval() {
        assertThat(Estimate.of(List.of(5.0, 5.0, 5.0)).ci95()).isZero();
    }

    @Test
    void intervalsThatDoNotOverlapAreBeyondNoise() {
        Estimate low = new Estimate(5, 10.0, 2.0);
        assertThat(low.separatedFrom(new Estimate(5, 15.0, 2.0))).isTrue();
        assertThat(low.separatedFrom(new Estimate(5, 13.0, 2.0))).isFalse();
        assertThat(low.separatedFrom(new Estimate(1, 30.0, null))).as("one run has no interval to compare").isFalse();
    }
}
