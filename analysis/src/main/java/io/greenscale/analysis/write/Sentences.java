package io.greenscale.analysis.write;

import io.greenscale.analysis.compute.Aggregate;
import io.greenscale.analysis.compute.Metric;
import io.greenscale.analysis.compute.Ranking;
import io.greenscale.analysis.compute.Tradeoff;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The report's findings as sentences, for report.html's headline and the terminal alike:
 * who wins a scenario, and what GreenScale's extra cost bought.
 */
public final class Sentences {
    private Sentences() {}

    /** "greenscale: 0 violation s at 1.12× oracle cost" — a policy's result in a few words. */
    public static String result(Aggregate a) {
        String violations = Format.mean(Metric.VIOLATION_SECONDS, a.mean(Metric.VIOLATION_SECONDS)) + " violation s";
        return a.policy() + ": " + violations + " at " + cost(a);
    }

    /** "Best: greenscale: 0 violation s at 1.12× oracle cost; hpa-cpu70: 410 s at 0.80×; …". */
    public static String ranking(Ranking r) {
        if (r.best() == null) {
            return "no competing policy";
        }
        String rest = r.ranked().stream().skip(1).map(Sentences::result).collect(Collectors.joining("; "));
        return "best " + result(r.best()) + (rest.isEmpty() ? "" : " — then " + rest);
    }

    /** Pairs of policies whose violation seconds differ beyond the noise between seeds. */
    public static String separations(Ranking r) {
        Aggregate best = r.best();
        if (best == null) {
            return "";
        }
        List<String> beaten = r.ranked().stream().skip(1)
                .filter(o -> best.get(Metric.VIOLATION_SECONDS).separatedFrom(o.get(Metric.VIOLATION_SECONDS)))
                .map(Aggregate::policy).toList();
        if (beaten.isEmpty()) {
            return best.runs().size() > 1 ? "No difference in violation seconds is beyond the noise between seeds." : "";
        }
        return best.policy() + " has fewer violation seconds than " + String.join(", ", beaten)
                + " beyond the noise between seeds (95 % intervals apart).";
    }

    /** What GreenScale's extra GPU-hours bought over one HPA/KEDA policy. */
    public static String tradeoff(Tradeoff t) {
        String unit = t.gpuHours() ? "GPU-hours" : "replica-hours";
        String extra = String.format(Locale.ROOT, "%s held %s more %s than %s", t.greenscale(), Format.human(t.extraHours()), unit, t.other())
                + (t.extraCost() == null ? "" : " (" + Format.mean(Metric.COST, t.extraCost()) + " more in cost)");
        if (t.violationSecondsAvoided() == null) {
            return extra + "; the runs have no SLO to weigh that against.";
        }
        String attainment = t.attainmentGained() == null ? ""
                : String.format(Locale.ROOT, ", %+.2f points of SLO attainment", t.attainmentGained() * 100);
        if (t.violationSecondsAvoided() <= 0) {
            return extra + " and bought no SLO: " + Format.human(-t.violationSecondsAvoided()) + " more violation seconds" + attainment + ".";
        }
        return extra + " and avoided " + Format.human(t.violationSecondsAvoided()) + " SLO-violation seconds" + attainment + ": "
                + Format.human(t.avoidedPerExtraHour()) + " violation seconds avoided per extra " + unit.replace("-hours", "-hour")
                + (t.beyondNoise() ? " (beyond the noise between seeds)." : ".");
    }

    private static String cost(Aggregate a) {
        if (a.mean(Metric.COST_VS_ORACLE) != null) {
            return Format.ratio(a.mean(Metric.COST_VS_ORACLE)) + " oracle cost";
        }
        if (a.mean(Metric.COST) != null) {
            return "cost " + Format.mean(Metric.COST, a.mean(Metric.COST));
        }
        if (a.mean(Metric.GPU_HOURS) != null) {
            return Format.human(a.mean(Metric.GPU_HOURS)) + " GPU-h";
        }
        return a.mean(Metric.REPLICA_SECONDS) == null ? "unknown cost" : Format.human(a.mean(Metric.REPLICA_SECONDS)) + " replica·s";
    }
}
