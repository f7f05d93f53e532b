package io.greenscale.analysis.calibrate;

import io.greenscale.analysis.compute.Overrides;
import io.greenscale.analysis.compute.Scorecard;
import io.greenscale.analysis.compute.Scorecards;
import io.greenscale.analysis.run.RunData;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Where a real run's p95 latency and replica-seconds fall among simulated twins that differ only in
 * the cluster's noise (the same arrivals, other draws of service times and cold starts). One real
 * run is one draw too: near an SLO's knee its p95 can move by tens of percent by chance alone, and
 * this says whether a twin's error is more than that.
 *
 * @param p95Millis       the twins' p95
 * @param p95Rank         the share of twins whose p95 is below the real one (ties count half)
 * @param replicaSeconds  the twins' replica-seconds
 */
public record NoiseRange(int draws, double realP95Millis, Spread p95Millis, double p95Rank, double realReplicaSeconds,
                         Spread replicaSeconds) {

    /** The 5th percentile, median and 95th percentile of the twins' values. */
    public record Spread(double low, double median, double high) {
        static Spread of(double[] values) {
            Percentile p = new Percentile();
            p.setData(values);
            return new Spread(p.evaluate(5), p.evaluate(50), p.evaluate(95));
        }

        boolean contains(double v) {
            return v >= low && v <= high;
        }
    }

    public static NoiseRange of(RunData real, List<RunData> twins) {
        if (twins.isEmpty()) {
            throw new IllegalArgumentException("no twins to compare with");
        }
        // The figures the fidelity pairs compare, from each run's scorecard: the real run's once.
        Scorecard realCard = Scorecards.of(real, Overrides.NONE);
        if (realCard.p95Millis() == null || realCard.replicaSeconds() == null) {
            throw new IllegalArgumentException(real.name() + " has no p95 or replica-seconds to compare");
        }
        double realP95 = realCard.p95Millis();
        List<Scorecard> cards = twins.stream().map(t -> Scorecards.of(t, Overrides.NONE)).toList();
        double[] p95 = cards.stream().map(Scorecard::p95Millis).filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
        double[] replicaSeconds = cards.stream().map(Scorecard::replicaSeconds).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).toArray();
        double below = 0;
        for (double v : p95) {
            below += v < realP95 ? 1 : v == realP95 ? 0.5 : 0;
        }
        return new NoiseRange(twins.size(), realP95, Spread.of(p95), below / p95.length, realCard.replicaSeconds(), Spread.of(replicaSeconds));
    }

    /** The real p95 lies within the twins' 5–95 % range: its difference from one twin may be chance. */
    public boolean p95WithinNoise() {
        return p95Millis.contains(realP95Millis);
    }

    public List<String> lines() {
        return List.of(
                String.format(Locale.ROOT, "the twin under %d other noise draws (same arrivals; 5 %% · median · 95 %%):", draws),
                String.format(Locale.ROOT, "  p95 latency      %.0f · %.0f · %.0f ms; the real %.0f ms is above %.0f %% of them: %s",
                        p95Millis.low(), p95Millis.median(), p95Millis.high(), realP95Millis, p95Rank * 100,
                        p95WithinNoise() ? "within their spread, so the error above may be chance" : "outside their spread: more than chance"),
                String.format(Locale.ROOT, "  replica-seconds  %.0f · %.0f · %.0f; the real %.0f", replicaSeconds.low(), replicaSeconds.median(), replicaSeconds.high(),
                        realReplicaSeconds));
    }
}
