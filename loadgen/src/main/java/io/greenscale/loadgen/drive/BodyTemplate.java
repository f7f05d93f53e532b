package io.greenscale.loadgen.drive;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenscale.loadgen.profile.ArrivalStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request body with {@code {column}} placeholders filled per request, e.g.
 * {@code {"inputs": [[{input_tokens}]], "user": "{user}"}}. A placeholder names a trace column or
 * one of {@code seq} (the request's number) and {@code t_ms} (its intended time). Values are
 * inserted JSON-escaped and unquoted, so numbers stay numbers and a string column goes inside
 * quotes in the template. The template is checked once, at start-up: every placeholder must be
 * known, and with sample values filled in the body must be valid JSON.
 */
public final class BodyTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final JsonStringEncoder ESCAPE = JsonStringEncoder.getInstance();

    private final String text;
    /** Literal parts; placeholders[i] sits between literals[i] and literals[i + 1]. */
    private final List<String> literals = new ArrayList<>();
    private final List<String> placeholders = new ArrayList<>();

    private BodyTemplate(String text) {
        this.text = text;
        Matcher m = PLACEHOLDER.matcher(text);
        int last = 0;
        while (m.find()) {
            literals.add(text.substring(last, m.start()));
            placeholders.add(m.group(1));
            last = m.end();
        }
        literals.add(text.substring(last));
    }

    /**
     * Parses and checks a template.
     *
     * @param columns the trace columns available to placeholders
     * @throws IllegalArgumentException naming the unknown placeholder or the JSON error
     */
    public static BodyTemplate parse(String text, List<String> columns, boolean json) {
        BodyTemplate t = new BodyTemplate(text);
        Set<String> known = new LinkedHashSet<>(List.of("seq", "t_ms"));
        known.addAll(columns);
        for (String p : t.placeholders) {
            if (!known.contains(p)) {
                throw new IllegalArgumentException("body placeholder {" + p + "} is not a column; known: "
                        + String.join(", ", known.stream().map(k -> "{" + k + "}").toList()));
            }
        }
        if (json) {
            String sample = t.render(name -> "1", 0, 0);
            try {
                new ObjectMapper().readTree(sample);
            } catch (IOException e) {
                throw new IllegalArgumentException("body is not valid JSON (with placeholders filled as 1): " + sample, e);
            }
        }
        return t;
    }

    public List<String> placeholders() {
        return List.copyOf(placeholders);
    }

    public String text() {
        return text;
    }

    /** The body for the arrival the stream is at. Absent column values render as {@code null}. */
    public String render(ArrivalStream arrival, long seq) {
        return render(arrival::column, seq, arrival.atNanos());
    }

    String render(java.util.function.Function<String, String> column, long seq, long atNanos) {
        if (placeholders.isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16 * placeholders.size());
        for (int i = 0; i < placeholders.size(); i++) {
            sb.append(literals.get(i));
            String name = placeholders.get(i);
            String value = switch (name) {
                case "seq" -> Long.toString(seq);
                case "t_ms" -> Long.toString(atNanos / 1_000_000);
                default -> column.apply(name);
            };
            if (value == null || value.isEmpty()) {
                sb.append("null");
            } else {
                ESCAPE.quoteAsString(value, sb);
            }
        }
        return sb.append(literals.getLast()).toString();
    }
}
