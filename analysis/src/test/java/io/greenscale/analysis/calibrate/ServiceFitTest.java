package io.greenscale.analysis.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.DoubleStream;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class ServiceFitTest {

    @Test
    void recovers_the_mean_and_cv_of_lognormal_service_times() {
        // mean 0.8 s, cv 0.3: σ² = ln(1 + cv²), μ = ln(mean) − σ²/2
        double sigma = Math.sqrt(Math.log(1 + 0.09));
        double mu = Math.log(0.8) - sigma * sigma / 2;
        LogNormalDistribution truth = new LogNormalDistribution(new Well19937c(7), mu, sigma);
        List<Double> sample = DoubleStream.generate(truth::sample).limit(5_000).boxed().toList();

        ServiceFit fit = ServiceFit.of(sample, 30);

        assertThat(fit.jobs()).isEqualTo(5_000);
        assertThat(fit.meanSeconds()).isCloseTo(0.8, within(0.01));
        assertThat(fit.cv()).isCloseTo(0.3, within(0.02));
        assertThat(fit.ksDistance()).as("a lognormal sample fits a lognormal").isLessThan(0.03);
    }

    @Test
    void a_fixed_service_time_fits_with_no_spread() {
        ServiceFit fit = ServiceFit.of(DoubleStream.generate(() -> 1.0).limit(50).boxed().toList(), 30);
        assertThat(fit.meanSeconds()).isEqualTo(1.0);
        assertThat(fit.cv()).isZero();
    }

    @Test
    void too_few_jobs_are_refused_with_the_count() {
        assertThatThrownBy(() -> ServiceFit.of(List.of(1.0, 1.1, 0.0), 30))
                .hasMessageStartingWith("only 2 completed job(s) with a service time; at least 30 are needed");
    }
}
