package io.greenscale.analysis.write.plot;

import io.greenscale.analysis.compute.Fidelity;
import io.greenscale.analysis.compute.Replicas;
import io.greenscale.analysis.compute.ShadowComparison;
import io.greenscale.analysis.compute.ShadowComparison.Tick;
import io.greenscale.analysis.run.RunData;
import java.awt.Color;
import java.util.List;
import java.util.function.Supplier;
import org.jfree.chart.JFreeChart;

/** Charts that set two replica timelines side by side: shadow (HPA vs GreenScale) and fidelity (simulated vs real). */
final class PairCharts {
    private static final int MAX_POINTS = TimeScale.TARGET_POINTS;
    private static final Color HPA = new Color(0x1f5fbf);
    private static final Color GREENSCALE = new Color(0x1b9e4b);
    private static final Color REAL = new Color(0x222222);

    private PairCharts() {}

    static Supplier<JFreeChart> shadow(ShadowComparison s) {
        List<Tick> ticks = s.ticks();
        double[] t = ticks.stream().mapToDouble(Tick::tSeconds).toArray();
        TimeScale time = TimeScale.forDuration(t[t.length - 1]);
        Points hpa = Points.ofSamples(t, ticks.stream().mapToDouble(Tick::hpa).toArray(), MAX_POINTS, time.secondsPerUnit());
        Points gs = Points.ofSamples(t, ticks.stream().mapToDouble(Tick::greenscale).toArray(), MAX_POINTS, time.secondsPerUnit());
        List<Line> lines = List.of(new Line("HPA (observed replicas)", hpa, HPA, PolicyStyle.LINE),
                new Line("GreenScale (desired, not applied)", gs, GREENSCALE, PolicyStyle.LINE));
        return () -> TimeChart.build("Shadow: " + s.target(), time.label(), "replicas", lines, null, null, null);
    }

    static String shadowCaption(ShadowComparison s) {
        return "At each tick, the replica count the live HPA had and the count GreenScale would have set beside it ("
                + s.ticks().size() + " ticks).";
    }

    /** Null when either run has no replica counts. */
    static Supplier<JFreeChart> fidelity(Fidelity f, RunData simulated, RunData real) {
        if (simulated == null || real == null || f.commonSeconds() == 0) {
            return null;
        }
        double last = Math.max(lastSecond(simulated), lastSecond(real));
        TimeScale time = TimeScale.forDuration(last);
        Points sim = Points.of(simulated.seconds(), time.bucketSeconds(), time.secondsPerUnit(), Replicas::held, Points.Reduce.MEAN);
        Points measured = Points.of(real.seconds(), time.bucketSeconds(), time.secondsPerUnit(), Replicas::held, Points.Reduce.MEAN);
        List<Line> lines = List.of(new Line("real: " + f.real(), measured, REAL, PolicyStyle.LINE),
                new Line("simulated: " + f.simulated(), sim, GREENSCALE, PolicyStyle.DASHED));
        return () -> TimeChart.build("Fidelity: " + f.scenario() + " / " + f.policy(), time.label(), "replicas held", lines, null, null, null);
    }

    static String fidelityCaption(Fidelity f) {
        return "Replicas held in the real run and in the simulated run of the same scenario and policy.";
    }

    private static double lastSecond(RunData r) {
        return r.seconds().isEmpty() ? 0 : r.seconds().getLast().tS();
    }
}
