package io.greenscale.analysis.write.html;

import static j2html.TagCreator.attrs;
import static j2html.TagCreator.div;
import static j2html.TagCreator.each;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.p;
import static j2html.TagCreator.section;
import static j2html.TagCreator.table;
import static j2html.TagCreator.tbody;
import static j2html.TagCreator.td;
import static j2html.TagCreator.th;
import static j2html.TagCreator.thead;
import static j2html.TagCreator.tr;

import io.greenscale.analysis.compute.Fidelity;
import io.greenscale.analysis.write.Format;
import io.greenscale.analysis.write.plot.Plot;
import io.greenscale.analysis.write.plot.Plots;
import j2html.tags.DomContent;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Simulator fidelity: each real run beside the simulated run of the same scenario and policy. */
final class FidelitySection {
    private FidelitySection() {}

    static DomContent of(List<Fidelity> pairs, Map<String, Plot> plots) {
        return section(attrs("#fidelity"), h2("Simulator fidelity"),
                p("Each experiment run beside the simulated run of the same scenario and policy (its lowest seed). Errors are"
                        + " (simulated − real) ÷ real; the replica timeline is compared second by second over the seconds both recorded."),
                div(attrs(".wide"), table(thead(tr(th("scenario / policy"), th("real run"), th("simulated run"), th("p95 ms real"), th("p95 ms sim."),
                                th("p95 error"), th("replica·s real"), th("replica·s sim."), th("replica·s error"),
                                th("replicas MAE"), th("replicas RMSE"), th("seconds"))),
                        tbody(each(pairs, f -> tr(td(f.scenario() + " / " + f.policy()), td(f.real()), td(f.simulated()),
                                td(Format.human(f.realP95Millis())), td(Format.human(f.simulatedP95Millis())), td(percent(f.p95RelativeError())),
                                td(Format.human(f.realReplicaSeconds())), td(Format.human(f.simulatedReplicaSeconds())),
                                td(percent(f.replicaSecondsRelativeError())), td(Format.human(f.replicaMae())), td(Format.human(f.replicaRmse())),
                                td(String.valueOf(f.commonSeconds()))))))),
                each(pairs.stream().map(f -> plots.get(Plots.fidelityKey(f))).filter(Objects::nonNull).toList(), Cells::figureOf));
    }

    private static String percent(Double relative) {
        return relative == null ? Format.MISSING : String.format(Locale.ROOT, "%+.1f %%", relative * 100);
    }
}
