package io.greenscale.analysis.write.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.util.Map;

/**
 * The same colour for a policy in every plot of a report. The reference policies are dashed:
 * they mark limits, they do not compete.
 */
final class PolicyStyle {
    private static final Map<String, Color> KNOWN = Map.of(
            "greenscale", new Color(0x1b9e4b),
            "hpa-cpu70", new Color(0x1f5fbf),
            "hpa-cpu90", new Color(0x6fa8dc),
            "hpa-gpu", new Color(0x7b3fa0),
            "keda-queue", new Color(0xe07b00),
            "oracle", new Color(0x222222),
            "always-max", new Color(0x999999));
    /** For other names, picked by the name's hash so a policy keeps its colour across reports. */
    private static final Color[] OTHERS = {
        new Color(0xc0392b), new Color(0x16a085), new Color(0x8e6c3a), new Color(0xd35400),
        new Color(0x2c3e50), new Color(0xb03a8c), new Color(0x7f8c00), new Color(0x0097a7)};

    static final Stroke LINE = new BasicStroke(1.6f);
    static final Stroke DASHED = new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

    private PolicyStyle() {}

    static Color color(String policy) {
        Color c = KNOWN.get(policy);
        return c != null ? c : OTHERS[Math.floorMod(policy.hashCode(), OTHERS.length)];
    }

    static Stroke stroke(String policy) {
        return "oracle".equals(policy) || "always-max".equals(policy) ? DASHED : LINE;
    }
}
