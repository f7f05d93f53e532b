package io.greenscale.policy.hpa;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes quantities as users write them in HPA targets ({@code 80}, {@code "500m"},
 * {@code "1.5k"}, {@code "2Gi"}, {@code "1e3"}), converted to milli-units the way
 * {@code Quantity.MilliValue()} does: rounded up.
 */
public final class Quantities {
    private static final Pattern QUANTITY = Pattern.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))(?:([eE][+-]?\\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E))?");
    private static final Map<String, BigDecimal> SUFFIX = Map.ofEntries(
            Map.entry("m", new BigDecimal("0.001")),
            Map.entry("k", BigDecimal.TEN.pow(3)), Map.entry("M", BigDecimal.TEN.pow(6)), Map.entry("G", BigDecimal.TEN.pow(9)),
            Map.entry("T", BigDecimal.TEN.pow(12)), Map.entry("P", BigDecimal.TEN.pow(15)), Map.entry("E", BigDecimal.TEN.pow(18)),
            Map.entry("Ki", BigDecimal.valueOf(1L << 10)), Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
            Map.entry("Gi", BigDecimal.valueOf(1L << 30)), Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
            Map.entry("Pi", BigDecimal.valueOf(1L << 50)), Map.entry("Ei", BigDecimal.valueOf(1L << 60)));

    private Quantities() {}

    /** The value in milli-units, or null when {@code value} is not a quantity or does not fit a long. */
    public static Long parseMilli(Object value) {
        BigDecimal v = parse(value);
        if (v == null) {
            return null;
        }
        BigDecimal milli = v.movePointRight(3).setScale(0, RoundingMode.CEILING);
        try {
            return milli.longValueExact();
        } catch (ArithmeticException tooLarge) {
            return null;
        }
    }

    /** The value as a double (for tolerances written as quantities, {@code "0.05"}), or null. */
    public static Double parseDouble(Object value) {
        BigDecimal v = parse(value);
        return v == null ? null : v.doubleValue();
    }

    private static BigDecimal parse(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (!(value instanceof String s)) {
            return null;
        }
        Matcher m = QUANTITY.matcher(s.trim());
        if (!m.matches()) {
            return null;
        }
        BigDecimal number = new BigDecimal(m.group(1));
        if (m.group(2) != null) {
            return number.scaleByPowerOfTen(Integer.parseInt(m.group(2).substring(1)));
        }
        return m.group(3) == null ? number : number.multiply(SUFFIX.get(m.group(3)));
    }
}
