package io.greenscale.app.work;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;

/**
 * Turns a parsed JSON object into validated {@link Work}. The same rules serve the HTTP endpoints and
 * the queue worker, so a job refused on one path is refused on the other with the same words.
 */
public final class WorkParser {
    private final Limits limits;
    private final int inputWidth;
    private final long flopsPerRow;

    public WorkParser(Limits limits, int inputWidth, long flopsPerRow) {
        this.limits = limits;
        this.inputWidth = inputWidth;
        this.flopsPerRow = flopsPerRow;
    }

    /** {@code {"n": 1024, "iterations": 1}}; {@code allowed} lists the fields tolerated beside these. */
    public Work.Matmul matmul(JsonNode body, Set<String> allowed) {
        requireObject(body);
        rejectUnknown(body, allowed, Set.of("n", "iterations"));
        int n = wholeNumber(body, "n", null, 1, limits.maxN(), "--max-n");
        int iterations = wholeNumber(body, "iterations", 1, 1, limits.maxIterations(), "--max-iterations");
        return new Work.Matmul(n, iterations);
    }

    /** {@code {"inputs": [[...], ...]}}: rows of exactly the model's input width. */
    public Work.Infer infer(JsonNode body, Set<String> allowed) {
        requireObject(body);
        rejectUnknown(body, allowed, Set.of("inputs"));
        JsonNode inputs = body.get("inputs");
        if (inputs == null || inputs.isNull()) {
            throw new InvalidWork("inputs: is required (a list of rows of " + inputWidth + " numbers)");
        }
        if (!inputs.isArray() || inputs.isEmpty()) {
            throw new InvalidWork("inputs = " + brief(inputs) + ": must be a non-empty list of rows of " + inputWidth + " numbers");
        }
        int rows = inputs.size();
        if (rows > limits.maxBatch()) {
            throw new InvalidWork("inputs has " + rows + " rows: at most " + limits.maxBatch() + " are allowed (--max-batch)");
        }
        float[] x = new float[rows * inputWidth];
        for (int r = 0; r < rows; r++) {
            JsonNode row = inputs.get(r);
            if (!row.isArray() || row.size() != inputWidth) {
                throw new InvalidWork("inputs[" + r + "] = " + brief(row) + ": must be a list of exactly " + inputWidth + " numbers"
                        + (row.isArray() ? " (it has " + row.size() + ")" : ""));
            }
            for (int j = 0; j < inputWidth; j++) {
                JsonNode v = row.get(j);
                double d = v.asDouble();
                if (!v.isNumber() || !Double.isFinite(d) || Math.abs(d) > Float.MAX_VALUE) {
                    throw new InvalidWork("inputs[" + r + "][" + j + "] = " + brief(v) + ": must be a finite number");
                }
                x[r * inputWidth + j] = (float) d;
            }
        }
        return new Work.Infer(x, rows, inputWidth, flopsPerRow);
    }

    private static void requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidWork("the body must be a JSON object, not " + brief(body));
        }
    }

    private static void rejectUnknown(JsonNode body, Set<String> allowed, Set<String> known) {
        if (allowed == null) {
            return; // everything else is tolerated (queue jobs carry extra fields into their results)
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f) && !allowed.contains(f)) {
                throw new InvalidWork(f + ": unknown field; known fields: " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private static int wholeNumber(JsonNode body, String field, Integer defaultValue, int min, int max, String option) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (defaultValue == null) {
                throw new InvalidWork(field + ": is required (a whole number in [" + min + ", " + max + "])");
            }
            return defaultValue;
        }
        String range = "[" + min + ", " + max + "]";
        if (!v.isIntegralNumber() && !(v.isNumber() && v.asDouble() == Math.rint(v.asDouble()))) {
            throw new InvalidWork(field + " = " + brief(v) + ": must be a whole number in " + range);
        }
        double d = v.asDouble();
        if (d < min || d > max) {
            throw new InvalidWork(field + " = " + brief(v) + ": must be in " + range + (d > max ? " (" + option + ")" : ""));
        }
        return (int) d;
    }

    /** A value as it would appear in JSON, cut short: errors quote what was sent without echoing megabytes. */
    static String brief(JsonNode v) {
        if (v == null) {
            return "null";
        }
        String s = v.toString();
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
