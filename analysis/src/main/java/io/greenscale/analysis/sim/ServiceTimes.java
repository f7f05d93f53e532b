package io.greenscale.analysis.sim;

import io.greenscale.analysis.sim.ClusterModel.Service;
import java.util.SplittableRandom;

/**
 * Draws each request's service time: the size-based mean times a noise factor with mean 1
 * (none, exponential, or lognormal with the configured coefficient of variation). One draw per
 * request in arrival order, from a seeded generator: the same seed gives the same times.
 */
final class ServiceTimes {
    private final long baseNanos;
    private final long perInputNanos;
    private final long perOutputNanos;
    private final int defaultIn;
    private final int defaultOut;
    private final ClusterModel.Distribution distribution;
    private final double sigma;
    private final double mu;
    private final SplittableRandom rng;

    ServiceTimes(Service s, long seed) {
        this.baseNanos = s.base().toNanos();
        this.perInputNanos = s.perInputToken().toNanos();
        this.perOutputNanos = s.perOutputToken().toNanos();
        this.defaultIn = s.defaultInputTokens();
        this.defaultOut = s.defaultOutputTokens();
        this.distribution = s.distribution();
        this.sigma = Math.sqrt(Math.log(1 + s.cv() * s.cv()));
        this.mu = -sigma * sigma / 2; // E[exp(mu + sigma Z)] = 1
        this.rng = new SplittableRandom(seed ^ 0x5E471CEL);
    }

    /** The mean for a request of this size, ns; a size of -1 means unknown (the default size). */
    long meanNanos(int inputTokens, int outputTokens) {
        long in = inputTokens < 0 ? defaultIn : inputTokens;
        long out = outputTokens < 0 ? defaultOut : outputTokens;
        return baseNanos + perInputNanos * in + perOutputNanos * out;
    }

    long sample(int inputTokens, int outputTokens) {
        double mean = meanNanos(inputTokens, outputTokens);
        double factor = switch (distribution) {
            case DETERMINISTIC -> 1;
            case EXPONENTIAL -> -Math.log(1 - rng.nextDouble());
            case LOGNORMAL -> sigma == 0 ? 1 : Math.exp(mu + sigma * rng.nextGaussian());
        };
        return Math.max(1, Math.round(mean * factor));
    }
}
