package io.greenscale.analysis.calibrate;

import io.greenscale.analysis.compute.Analysis;
import io.greenscale.analysis.compute.Fidelity;
import io.greenscale.analysis.compute.Overrides;
import io.greenscale.analysis.compute.Replicas;
import io.greenscale.analysis.run.RunData;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How close the simulated twin comes to the real run: the report's fidelity figures (p95 and
 * replica-seconds as relative errors, the replica timeline's mean absolute difference), with the
 * timeline's error also relative — to the replicas the real run held on average — so all three
 * read against the same aim.
 *
 * @param meanReplicas replicas the real run held on average (ready + starting + terminating)
 */
public record Validation(Fidelity fidelity, double meanReplicas) {
    /** The aim: each error within 10 %. */
    public static final double AIM = 0.10;

    public static Validation of(RunData real, RunData twin) {
        Analysis analysis = Analysis.of(List.of(real, twin), Overrides.NONE);
        Fidelity f = analysis.fidelity().stream().findFirst().orElseThrow(() -> new IllegalStateException(
                "the report did not pair the run with its twin (scenario or policy names differ)"));
        double mean = real.seconds().stream().map(Replicas::held).filter(Objects::nonNull).mapToInt(Integer::intValue).average().orElse(0);
        return new Validation(f, mean);
    }

    /** Replica timeline MAE ÷ the real run's mean replicas; null without replicas. */
    public Double timelineRelativeError() {
        return fidelity.replicaMae() == null || meanReplicas <= 0 ? null : fidelity.replicaMae() / meanReplicas;
    }

    public boolean withinAim() {
        return within(fidelity.p95RelativeError()) && within(fidelity.replicaSecondsRelativeError()) && within(timelineRelativeError());
    }

    private static boolean within(Double relative) {
        return relative != null && Math.abs(relative) <= AIM;
    }

    public List<String> lines() {
        Fidelity f = fidelity;
        return List.of(
                String.format(Locale.ROOT, "p95 latency      real %s ms, simulated %s ms: %s", num(f.realP95Millis()), num(f.simulatedP95Millis()),
                        pct(f.p95RelativeError())),
                String.format(Locale.ROOT, "replica-seconds  real %s, simulated %s: %s", num(f.realReplicaSeconds()), num(f.simulatedReplicaSeconds()),
                        pct(f.replicaSecondsRelativeError())),
                String.format(Locale.ROOT, "replica timeline mean |Δ| %s replicas = %s of the %.2f held on average (RMSE %s) over %d s",
                        num(f.replicaMae()), pct(timelineRelativeError()).replace("+", ""), meanReplicas, num(f.replicaRmse()), f.commonSeconds()),
                String.format(Locale.ROOT, "within %.0f %%: p95 %s, replica-seconds %s, timeline %s", AIM * 100, yes(f.p95RelativeError()),
                        yes(f.replicaSecondsRelativeError()), yes(timelineRelativeError())));
    }

    private static String yes(Double relative) {
        return relative == null ? "—" : within(relative) ? "yes" : "no";
    }

    private static String pct(Double relative) {
        return relative == null ? "—" : String.format(Locale.ROOT, "%+.1f %%", relative * 100);
    }

    private static String num(Double v) {
        return v == null ? "—" : v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf(v.longValue()) : String.format(Locale.ROOT, "%.2f", v);
    }
}
