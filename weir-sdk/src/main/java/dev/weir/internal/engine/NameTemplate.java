package dev.weir.internal.engine;

import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run-name template over parameters, such as {@code "{color}-{year}"} or
 * {@code "etl-{day:yyyy-MM-dd}"}: after a colon, a date-time pattern for java.time values or a
 * printf conversion for others ({@code {month:02d}}). Parsed once, when the flow is defined.
 */
final class NameTemplate {

    private record Part(String literal, String parameter, DateTimeFormatter dateFormat, String printf) {}

    private final String source;
    private final List<Part> parts;

    private NameTemplate(String source, List<Part> parts) {
        this.source = source;
        this.parts = parts;
    }

    /**
     * Parses {@code template}; every placeholder must name one of {@code parameters}.
     *
     * @throws IllegalArgumentException naming the placeholder and the parameters accepted
     */
    static NameTemplate parse(String template, Set<String> parameters) {
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                parts.add(new Part(template.substring(i), null, null, null));
                break;
            }
            if (open > i) {
                parts.add(new Part(template.substring(i, open), null, null, null));
            }
            int close = template.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("template '" + template + "' has a '{' at " + open + " without a closing '}'");
            }
            String inner = template.substring(open + 1, close);
            int colon = inner.indexOf(':');
            String name = colon < 0 ? inner : inner.substring(0, colon);
            String format = colon < 0 ? null : inner.substring(colon + 1);
            if (!parameters.contains(name)) {
                throw new IllegalArgumentException("template '" + template + "' names '{" + name
                        + "}', which is not a parameter; parameters are " + parameters);
            }
            parts.add(formatted(name, format, template));
            i = close + 1;
        }
        return new NameTemplate(template, List.copyOf(parts));
    }

    private static Part formatted(String name, String format, String template) {
        if (format == null || format.isEmpty()) {
            return new Part(null, name, null, null);
        }
        if (format.matches("[-#+ 0,(]*\\d*(\\.\\d+)?[dxXfeEgGsSoc]")) {
            return new Part(null, name, null, "%" + format);
        }
        try {
            return new Part(null, name, DateTimeFormatter.ofPattern(format), null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("template '" + template + "' has the format '" + format + "' for '{" + name
                    + "}', which is neither a date-time pattern nor a printf conversion such as 02d", e);
        }
    }

    /** The name for a run with these parameter values. */
    String render(Map<String, Object> values) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part.literal != null) {
                out.append(part.literal);
                continue;
            }
            Object value = values.get(part.parameter);
            if (part.dateFormat != null && value instanceof TemporalAccessor temporal) {
                out.append(part.dateFormat.format(temporal));
            } else if (part.printf != null && value != null) {
                try {
                    out.append(String.format(part.printf, value));
                } catch (java.util.IllegalFormatException e) {
                    out.append(value);
                }
            } else {
                out.append(value);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return source;
    }
}
