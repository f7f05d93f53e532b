package io.greenscale.analysis.write;

import io.greenscale.analysis.compute.Estimate;
import io.greenscale.analysis.compute.Metric;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How figures are written: exactly (CSV, JSON: four decimals, no trailing zeros) or for people
 * (tables, HTML: as many decimals as the figure's size deserves, "—" for a missing one).
 */
public final class Format {
    /** What a person sees for a figure that could not be computed. */
    public static final String MISSING = "—";
    private static final int FILE_DECIMALS = 4;

    private Format() {}

    /** For files: {@code 0.1235}, {@code 12}, or empty for null. */
    public static String exact(Double v) {
        if (v == null || v.isNaN() || v.isInfinite()) {
            return "";
        }
        BigDecimal d = BigDecimal.valueOf(v).setScale(FILE_DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    /** For people: 3 significant figures or so, never in scientific notation. */
    public static String human(Double v) {
        if (v == null || v.isNaN() || v.isInfinite()) {
            return MISSING;
        }
        double a = Math.abs(v);
        int decimals = a == 0 || a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A metric's mean for people, in the metric's own terms (SLO attainment as a percentage). */
    public static String mean(Metric m, Double v) {
        if (v == null) {
            return MISSING;
        }
        return switch (m) {
            case SLO_ATTAINMENT -> percent(v);
            case COST_VS_ORACLE -> String.format(Locale.ROOT, "%.2f", v);
            case COST -> String.format(Locale.ROOT, "%.2f", v);
            case VIOLATION_SECONDS, SCALE_EVENTS, REVERSALS, INTERRUPTED, DROPPED, ERRORS, REQUESTS, REPLICA_SECONDS ->
                    v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : human(v);
            default -> human(v);
        };
    }

    /** "mean ± ci" for people, or just the mean when there is no interval (one run). */
    public static String estimate(Metric m, Estimate e) {
        if (e.mean() == null) {
            return MISSING;
        }
        return e.ci95() == null ? mean(m, e.mean()) : mean(m, e.mean()) + " ± " + mean(m, e.ci95());
    }

    /** 0.9987 → "99.87". */
    public static String percent(Double fraction) {
        if (fraction == null) {
            return MISSING;
        }
        double p = fraction * 100;
        return String.format(Locale.ROOT, p >= 99.9 && p < 100 ? "%.3f" : "%.2f", p);
    }

    public static String ratio(Double v) {
        return v == null ? MISSING : String.format(Locale.ROOT, "%.2f×", v);
    }
}
