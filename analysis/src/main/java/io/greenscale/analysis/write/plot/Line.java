package io.greenscale.analysis.write.plot;

import java.awt.Color;
import java.awt.Stroke;

/** One line of a time chart: a legend label, its points and how it is drawn. */
record Line(String label, Points points, Color color, Stroke stroke) {

    static Line of(String policyOrLabel, String label, Points points) {
        return new Line(label, points, PolicyStyle.color(policyOrLabel), PolicyStyle.stroke(policyOrLabel));
    }
}
