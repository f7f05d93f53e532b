package io.greenscale.analysis.sim;

import io.greenscale.loadgen.profile.ArrivalStream;
import java.time.Duration;

/**
 * What a clairvoyant operator would provision: for every second, the fewest replicas that keep
 * the p95 latency within the SLO for the requests that actually arrive around then, by M/M/c
 * theory (Erlang C). Knowing the future arrivals and the time a pod takes to become ready, the
 * oracle asks for each replica exactly that long before it is needed and lets it go as soon as
 * it is not. It is the lower bound on cost that every report shows — the physical limit of
 * autoscaling on this workload.
 *
 * <p>A request misses the SLO when its wait plus its service exceeds it. With the Erlang C wait
 * tail {@code P(W > τ) = C·e^{−(kμ−λ)τ}}, the plan averages {@code P(W > slo − S)} over the
 * service times of the requests in the window (their sizes, binned, times the service-time
 * noise at three quantiles) and asks for the fewest servers that keep it at or below 5 %.
 * Needs are computed every {@link #STEP_SECONDS} over a window of {@link #WINDOW_SECONDS}.
 */
final class OraclePlan {
    static final int WINDOW_SECONDS = 20;
    static final int STEP_SECONDS = 5;
    private static final int BINS = 96;
    /** Service-time bins: log-spaced from 1 ms to 1000 s. */
    private static final double LOG_MIN = Math.log(1e-3);
    private static final double LOG_MAX = Math.log(1e3);

    private OraclePlan() {}

    /** @return replicas needed around each second, length = duration in seconds */
    static int[] requiredReplicas(ArrivalStream arrivals, ServiceTimes sizes, Duration duration, Duration slo,
                                  int slotsPerReplica, boolean pooled, double[] noise, int min, int max) {
        int seconds = (int) Math.ceil(duration.toNanos() / 1e9);
        int[][] bins = new int[seconds + WINDOW_SECONDS][];
        long[] count = new long[seconds + WINDOW_SECONDS];
        double[] work = new double[seconds + WINDOW_SECONDS];
        while (arrivals.next()) {
            int s = (int) (arrivals.atNanos() / 1_000_000_000L);
            if (s >= seconds) {
                break;
            }
            double mean = sizes.meanNanos(arrivals.inputTokens(), arrivals.outputTokens()) / 1e9;
            if (bins[s] == null) {
                bins[s] = new int[BINS];
            }
            bins[s][bin(mean)]++;
            count[s]++;
            work[s] += mean;
        }
        double sloSeconds = slo.toNanos() / 1e9;
        int[] need = new int[seconds];
        long[] window = new long[BINS];
        for (int t = 0; t < seconds; t += STEP_SECONDS) {
            java.util.Arrays.fill(window, 0);
            long c = 0;
            double w = 0;
            for (int s = t; s < t + WINDOW_SECONDS; s++) {
                c += count[s];
                w += work[s];
                if (bins[s] != null) {
                    for (int b = 0; b < BINS; b++) {
                        window[b] += bins[s][b];
                    }
                }
            }
            int n = c == 0 ? 0 : Math.clamp(pooled
                    ? replicasFor(c / (double) WINDOW_SECONDS, w / c, window, c, sloSeconds, noise, slotsPerReplica, max)
                    : replicasSplit(c / (double) WINDOW_SECONDS, w / c, window, c, sloSeconds, noise, slotsPerReplica, max), min, max);
            for (int s = t; s < Math.min(seconds, t + STEP_SECONDS); s++) {
                need[s] = Math.max(n, min);
            }
        }
        return need;
    }

    /**
     * Fewest replicas for which the share of requests whose wait pushes them past the SLO is at
     * most 5 %; {@code max} when no count does it (the service times alone already miss).
     */
    static int replicasFor(double lambda, double meanService, long[] window, long total, double slo, double[] noise,
                           int slots, int max) {
        double a = lambda * meanService;
        double mu = 1 / meanService;
        double erlangB = 1;
        for (int k = 1; k <= max * slots; k++) {
            erlangB = a * erlangB / (k + a * erlangB);
            if (k <= a) {
                continue;
            }
            double erlangC = k * erlangB / (k - a * (1 - erlangB));
            if (missShare(erlangC, k * mu - lambda, window, total, slo, noise) <= 0.05) {
                return (k + slots - 1) / slots;
            }
        }
        return max;
    }

    /**
     * Behind a load balancer each replica queues its own share: the fewest replicas for which an
     * M/M/c queue per replica, with an even share of the arrivals, misses at most 5 %.
     */
    static int replicasSplit(double lambda, double meanService, long[] window, long total, double slo, double[] noise,
                             int slots, int max) {
        double mu = 1 / meanService;
        for (int n = Math.max(1, (int) Math.ceil(lambda * meanService / slots)); n <= max; n++) {
            double share = lambda / n;
            double a = share * meanService;
            if (a >= slots) {
                continue;
            }
            double erlangB = 1;
            for (int k = 1; k <= slots; k++) {
                erlangB = a * erlangB / (k + a * erlangB);
            }
            double erlangC = slots * erlangB / (slots - a * (1 - erlangB));
            if (missShare(erlangC, slots * mu - share, window, total, slo, noise) <= 0.05) {
                return n;
            }
        }
        return max;
    }

    /** The share of the window's requests whose wait pushes them past the SLO, given the wait tail C·e^{−θτ}. */
    private static double missShare(double erlangC, double theta, long[] window, long total, double slo, double[] noise) {
        double miss = 0;
        for (int b = 0; b < BINS; b++) {
            if (window[b] == 0) {
                continue;
            }
            double service = center(b);
            double p = 0;
            for (double eps : noise) {
                double tau = slo - service * eps;
                p += tau <= 0 ? 1 : Math.min(1, erlangC * Math.exp(-theta * tau));
            }
            miss += window[b] * (p / noise.length);
        }
        return miss / total;
    }

    private static int bin(double seconds) {
        double x = (Math.log(Math.max(seconds, 1e-3)) - LOG_MIN) / (LOG_MAX - LOG_MIN);
        return Math.clamp((int) (x * BINS), 0, BINS - 1);
    }

    /** The bin's geometric centre (bins are 15 % wide). */
    private static double center(int b) {
        return Math.exp(LOG_MIN + (b + 0.5) * (LOG_MAX - LOG_MIN) / BINS);
    }

    /** The service-time noise factor (mean 1) at its 1/6, 1/2 and 5/6 quantiles: equal-weight points of its distribution. */
    static double[] noiseQuantiles(ClusterModel.Service service) {
        double[] z = {-0.967422, 0, 0.967422};
        return switch (service.distribution()) {
            case DETERMINISTIC -> new double[] {1};
            case EXPONENTIAL -> new double[] {-Math.log(5.0 / 6), -Math.log(0.5), -Math.log(1.0 / 6)};
            case LOGNORMAL -> {
                double sigma = Math.sqrt(Math.log(1 + service.cv() * service.cv()));
                double[] q = new double[3];
                for (int i = 0; i < 3; i++) {
                    q[i] = Math.exp(-sigma * sigma / 2 + z[i] * sigma);
                }
                yield q;
            }
        };
    }
}
