package io.greenscale.policy.config;

/**
 * An allowed interval for a configuration number, printed the way error messages show it:
 * {@code (0, 1]}, {@code [1, 1000]}, {@code [0, ∞)}.
 */
public record Range(double min, boolean minInclusive, double max, boolean maxInclusive) {

    public static Range closed(double min, double max) {
        return new Range(min, true, max, true);
    }

    public static Range openClosed(double min, double max) {
        return new Range(min, false, max, true);
    }

    public static Range atLeast(double min) {
        return new Range(min, true, Double.POSITIVE_INFINITY, false);
    }

    public static Range above(double min) {
        return new Range(min, false, Double.POSITIVE_INFINITY, false);
    }

    public boolean contains(double value) {
        boolean aboveMin = minInclusive ? value >= min : value > min;
        boolean belowMax = maxInclusive ? value <= max : value < max;
        return aboveMin && belowMax;
    }

    @Override
    public String toString() {
        return (minInclusive ? "[" : "(") + format(min) + ", " + format(max) + (maxInclusive ? "]" : ")");
    }

    static String format(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
