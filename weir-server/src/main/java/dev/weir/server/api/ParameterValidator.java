package dev.weir.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks parameter values against the JSON Schema subset that {@code dev.weir.schema.ParameterSchema}
 * emits: {@code type}, {@code required}, {@code properties}, {@code items}, {@code enum}, {@code
 * minimum}/{@code maximum} and their exclusive forms, {@code minLength}/{@code maxLength}, {@code
 * pattern}, {@code minItems}/{@code maxItems}, {@code format} {@code date}, {@code date-time} and
 * {@code uuid}, {@code anyOf}, and {@code $ref} into {@code $defs}. Other keywords are ignored.
 * Stateless and thread-safe.
 */
final class ParameterValidator {

    /** The first rule a value breaks: where (such as {@code trip.days[2]}), the value and the rule. */
    record Violation(String path, JsonNode value, String rule) {
        String message() {
            return "Parameter '" + path + "' is invalid: " + value + " does not satisfy " + rule;
        }
    }

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int MAX_DEPTH = 64;

    private final JsonNode root;

    private ParameterValidator(JsonNode root) {
        this.root = root;
    }

    /** The first violation of {@code schema} by {@code parameters} (an object), or empty when they conform. */
    static Optional<Violation> check(JsonNode schema, JsonNode parameters) {
        return Optional.ofNullable(new ParameterValidator(schema).check(schema, parameters, "", 0));
    }

    private Violation check(JsonNode schema, JsonNode value, String path, int depth) {
        if (schema == null || !schema.isObject() || depth > MAX_DEPTH) {
            return null;
        }
        if (schema.has("$ref")) {
            return check(resolve(schema.get("$ref").asText()), value, path, depth + 1);
        }
        if (schema.has("anyOf")) {
            Violation first = null;
            for (JsonNode option : schema.get("anyOf")) {
                Violation violation = check(option, value, path, depth + 1);
                if (violation == null) {
                    first = null;
                    break;
                }
                first = first == null ? violation : first;
            }
            if (first != null) {
                return new Violation(name(path), value, "anyOf " + schema.get("anyOf"));
            }
        }
        if (schema.has("type") && !hasType(schema.get("type"), value)) {
            return new Violation(name(path), value, "type " + schema.get("type").asText(schema.get("type").toString()));
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            return new Violation(name(path), value, "enum " + schema.get("enum"));
        }
        if (value.isNumber()) {
            Violation violation = number(schema, value, path);
            if (violation != null) {
                return violation;
            }
        }
        if (value.isTextual()) {
            Violation violation = text(schema, value, path);
            if (violation != null) {
                return violation;
            }
        }
        if (value.isArray()) {
            int size = value.size();
            if (schema.has("minItems") && size < schema.get("minItems").asInt()) {
                return new Violation(name(path), value, "minItems " + schema.get("minItems"));
            }
            if (schema.has("maxItems") && size > schema.get("maxItems").asInt()) {
                return new Violation(name(path), value, "maxItems " + schema.get("maxItems"));
            }
            for (int i = 0; i < size && schema.has("items"); i++) {
                Violation violation = check(schema.get("items"), value.get(i), path + "[" + i + "]", depth + 1);
                if (violation != null) {
                    return violation;
                }
            }
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    return new Violation(child(path, required.asText()), com.fasterxml.jackson.databind.node.MissingNode
                            .getInstance(), "required (the parameter is missing)");
                }
            }
            JsonNode properties = schema.path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (properties.has(field.getKey())) {
                    Violation violation = check(properties.get(field.getKey()), field.getValue(),
                            child(path, field.getKey()), depth + 1);
                    if (violation != null) {
                        return violation;
                    }
                }
            }
        }
        return null;
    }

    private Violation number(JsonNode schema, JsonNode value, String path) {
        BigDecimal number = value.decimalValue();
        for (String keyword : new String[] {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"}) {
            JsonNode bound = schema.get(keyword);
            if (bound == null || !bound.isNumber()) {
                continue;
            }
            int cmp = number.compareTo(bound.decimalValue());
            boolean ok = switch (keyword) {
                case "minimum" -> cmp >= 0;
                case "maximum" -> cmp <= 0;
                case "exclusiveMinimum" -> cmp > 0;
                default -> cmp < 0;
            };
            if (!ok) {
                return new Violation(name(path), value, keyword + " " + bound);
            }
        }
        return null;
    }

    private static Violation text(JsonNode schema, JsonNode value, String path) {
        String text = value.asText();
        int length = text.codePointCount(0, text.length());
        if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
            return new Violation(name(path), value, "minLength " + schema.get("minLength"));
        }
        if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
            return new Violation(name(path), value, "maxLength " + schema.get("maxLength"));
        }
        if (schema.has("pattern")) {
            String pattern = schema.get("pattern").asText();
            try {
                if (!Pattern.compile(pattern).matcher(text).find()) {
                    return new Violation(name(path), value, "pattern " + pattern);
                }
            } catch (PatternSyntaxException e) {
                return new Violation(name(path), value, "pattern " + pattern + " (which is not a valid expression)");
            }
        }
        String format = schema.path("format").asText("");
        boolean ok = switch (format) {
            case "date" -> parses(() -> LocalDate.parse(text));
            case "date-time" -> parses(() -> OffsetDateTime.parse(text));
            case "uuid" -> UUID_TEXT.matcher(text).matches();
            default -> true;
        };
        return ok ? null : new Violation(name(path), value, "format " + format);
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean hasType(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (hasType(one, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber()
                    || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "null" -> value.isNull();
            default -> true;
        };
    }

    private static boolean contains(JsonNode choices, JsonNode value) {
        for (JsonNode choice : choices) {
            if (choice.equals(value) || (choice.isNumber() && value.isNumber()
                    && choice.decimalValue().compareTo(value.decimalValue()) == 0)) {
                return true;
            }
        }
        return false;
    }

    /** The schema a local reference ({@code #/$defs/Trip}) points at, or null when it points nowhere. */
    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#")) {
            return null;
        }
        JsonNode target = root.at(ref.substring(1));
        return target.isMissingNode() ? null : target;
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String name(String path) {
        return path.isEmpty() ? "(parameters)" : path;
    }
}
